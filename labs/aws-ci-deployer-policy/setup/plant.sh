#!/bin/sh
# Plants the deployer's starter policy (empty) and the CI deploy script it must allow.
set -eu
mkdir -p /root/deployer
cat > /root/deployer/policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": []
}
JSON
cat > /root/deployer/deploy.sh <<'SH'
#!/bin/sh
# What CI runs on every merge to main (account 111122223333).
set -eu
release="releases/$(date +%Y-%m-%d)-$GITHUB_SHA"
aws s3 ls "s3://shop-site/releases/"
aws s3 cp --recursive dist/ "s3://shop-site/$release/"
aws s3 cp "s3://shop-site/$release/index.html" /tmp/check.html
id=$(aws cloudfront create-invalidation --distribution-id E2QWRUHAPOMQZL --paths "/*" --query Invalidation.Id --output text)
aws cloudfront get-invalidation --distribution-id E2QWRUHAPOMQZL --id "$id"
SH
chmod 755 /root/deployer/deploy.sh
