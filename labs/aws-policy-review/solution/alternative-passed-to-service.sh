#!/bin/sh
# A correct alternative: PassRole limited to the execution role and to Lambda as the receiving service
# (iam:PassedToService), IAM reads listed action by action, findings as prose. Edits the planted files with
# python3 instead of rewriting them.
set -eu
python3 - "arn:aws:iam::$ASSAY_P_ACCOUNT:role/$ASSAY_P_EXEC_ROLE" <<'PY'
import json
import sys

role_arn = sys.argv[1]

base = "/root/review/policies/"
deploy = json.load(open(base + "dev-deploy.json"))
for statement in deploy["Statement"]:
    if statement.get("Action") == "iam:PassRole":
        statement["Resource"] = [role_arn]
        statement["Condition"] = {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
json.dump(deploy, open(base + "dev-deploy.json", "w"), indent=2)

reads = ["iam:GetRole", "iam:GetRolePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetUser",
         "iam:ListRoles", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListPolicies",
         "iam:ListPolicyVersions", "iam:ListEntitiesForPolicy", "iam:SimulatePrincipalPolicy"]
iam = {"Version": "2012-10-17",
       "Statement": [{"Sid": "DebugPermissions", "Effect": "Allow", "Action": reads, "Resource": "*"}]}
json.dump(iam, open(base + "dev-iam.json", "w"), indent=2)
PY
cat > /root/review/FINDINGS.md <<MD
Two escalation paths.

PassRole: dev-deploy.json lets developers pass any role (iam:PassRole on "*"). With lambda:CreateFunction they can
create a $ASSAY_P_PREFIX-* function that runs as the admin role and then call lambda:InvokeFunction on it, running any code
as admin. Closed by allowing PassRole only for the $ASSAY_P_EXEC_ROLE role and only to lambda.amazonaws.com.

CreatePolicyVersion: dev-iam.json grants iam:CreatePolicyVersion on every policy. A developer can add a version
granting everything to a managed policy attached to the developer role and set it as the default. Closed by
replacing the grant with read-only IAM actions.
MD
