#!/bin/sh
# Near miss, on top of the reference solution: the default behaviour redirects to HTTPS, but an ordered behaviour
# for /assets/* lets viewers use plain HTTP.
set -eu
perl -0pi -e 's/(  logging_config \{)/  ordered_cache_behavior {\n    path_pattern           = "\/assets\/*"\n    target_origin_id       = "s3-site"\n    viewer_protocol_policy = "allow-all"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"\n  }\n\n$1/' /root/infra/main.tf
grep -q 'path_pattern' /root/infra/main.tf
