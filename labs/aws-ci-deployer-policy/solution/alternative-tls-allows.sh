#!/bin/sh
# A correct alternative: every Allow holds only over TLS, the listing condition admits the folder and anything
# under it (StringLike), the CloudFront actions are written as a wildcard (*Invalidation), and S3 object actions
# share one statement. Written with python3's json module rather than a heredoc.
set -eu
python3 - <<'PY'
import json

tls = {"Bool": {"aws:SecureTransport": "true"}}
policy = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "ObjectsUnderReleases", "Effect": "Allow",
         "Action": ["s3:GetObject", "s3:PutObject"],
         "Resource": ["arn:aws:s3:::shop-site/releases/*"], "Condition": tls},
        {"Sid": "ListUnderReleases", "Effect": "Allow", "Action": ["s3:ListBucket"],
         "Resource": ["arn:aws:s3:::shop-site"],
         "Condition": {"StringLike": {"s3:prefix": ["releases/", "releases/*"]}, **tls}},
        {"Sid": "ShopDistribution", "Effect": "Allow", "Action": "cloudfront:*Invalidation",
         "Resource": "arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL", "Condition": tls},
    ],
}
with open("/root/deployer/policy.json", "w") as out:
    json.dump(policy, out, indent=2)
PY
