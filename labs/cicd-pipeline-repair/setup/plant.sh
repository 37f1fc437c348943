#!/bin/sh
# Plants flow-lint, a small Node.js service that checks Node-RED flows before FlowFuse deploys them, with the team's
# remote (/srv/git/flow-lint.git, main protected by a hook) and the candidate's clone in /root/flow-lint. Its
# history builds a GitHub Actions pipeline and then breaks it, one plausible commit at a time:
#   - the test script is renamed in package.json, the workflow still calls the old name, and `| tee` on the
#     default shell (bash -e, no pipefail) hides the failure, so CI stays green while running no test;
#   - setup-node goes back to a moving tag after every action was pinned by SHA;
#   - pull_request becomes pull_request_target and checkouts take the PR head: a fork's code deploys with the
#     production role and token;
#   - the unit-tests job is renamed to test but deploy still needs unit-tests, and a new step's env is
#     mis-indented: the workflow no longer parses.
#   The npm cache key has ignored the lockfile from the start.
# Drawn per session (lab.yaml, parameters): the workflow's file name ($ASSAY_P_WORKFLOW) and the setup-node v4.4.0
# commit the policy approves ($ASSAY_P_SETUP_NODE_SHA); the review branch is only named in the instructions.
set -eu
wf=.github/workflows/$ASSAY_P_WORKFLOW

CHECKOUT='actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2'
CACHE='actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3'
UPLOAD='actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2'
AWS='aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.2.1'
ECR='aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076 # v2.0.1'

git config --global init.defaultBranch main
git config --global user.name "Candidate"
git config --global user.email candidate@flowfuse.example
git config --global advice.detachedHead false

mkdir -p /srv/git
git init -q --bare /srv/git/flow-lint.git
seed=$(mktemp -d)
cd "$seed"
mkdir -p src test examples scripts docs .github/workflows

commit() { # commit "author" "email" "date" "message" (all changes)
  git add -A
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" \
    GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3" \
    git commit -q -m "$4"
}

git init -q .

# --- 1. the service --------------------------------------------------------------------------------------------
cat > package.json <<'JSON'
{
  "name": "@flowfuse/flow-lint",
  "version": "0.9.0",
  "private": true,
  "description": "Checks Node-RED flows before they are deployed to hosted instances",
  "license": "Apache-2.0",
  "main": "src/validate.js",
  "scripts": {
    "start": "node src/server.js",
    "test:unit": "node --test"
  },
  "engines": {
    "node": ">=18"
  }
}
JSON
cat > package-lock.json <<'JSON'
{
  "name": "@flowfuse/flow-lint",
  "version": "0.9.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "@flowfuse/flow-lint",
      "version": "0.9.0",
      "license": "Apache-2.0",
      "engines": {
        "node": ">=18"
      }
    }
  }
}
JSON
cat > src/validate.js <<'JS'
'use strict';
// Checks a Node-RED flow export (the JSON array in flows.json) before the platform deploys it to an instance:
// every node has an id and a type, ids are unique, nodes sit on a tab or subflow that exists, wires and
// subflow instances point at nodes that exist.

const CONTAINERS = new Set(['tab', 'subflow']);

function validateFlow(flow) {
  if (!Array.isArray(flow)) {
    return [{ rule: 'format', message: 'a flow export is a JSON array of nodes' }];
  }
  const problems = [];
  const byId = new Map();
  for (const node of flow) {
    if (!node || typeof node.id !== 'string' || typeof node.type !== 'string') {
      problems.push({ rule: 'format', message: 'every node needs a string id and a string type' });
      continue;
    }
    if (byId.has(node.id)) {
      problems.push({ rule: 'duplicate-id', id: node.id, message: `id ${node.id} is used twice` });
    }
    byId.set(node.id, node);
  }
  for (const node of byId.values()) {
    if (node.z !== undefined && !CONTAINERS.has(byId.get(node.z)?.type)) {
      problems.push({ rule: 'orphan', id: node.id, message: `${node.id} sits on ${node.z}, which is no tab` });
    }
    (node.wires || []).forEach((port, output) => {
      for (const target of port) {
        if (!byId.has(target)) {
          problems.push({
            rule: 'dangling-wire',
            id: node.id,
            message: `output ${output} of ${node.id} is wired to ${target}, which does not exist`,
          });
        }
      }
    });
    if (node.type.startsWith('subflow:') && byId.get(node.type.slice(8))?.type !== 'subflow') {
      problems.push({ rule: 'missing-subflow', id: node.id, message: `${node.id} uses a subflow that is gone` });
    }
  }
  return problems;
}

module.exports = { validateFlow };
JS
cat > src/server.js <<'JS'
'use strict';
// POST /validate with a flow export as the body: 200 {"ok": bool, "problems": [...]}. GET /healthz: ok.
const http = require('node:http');
const { validateFlow } = require('./validate.js');

const LIMIT = 5 * 1024 * 1024;

function createServer() {
  return http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method !== 'POST' || req.url !== '/validate') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > LIMIT) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      let flow;
      try {
        flow = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, problems: [{ rule: 'format', message: 'not JSON' }] }));
        return;
      }
      const problems = validateFlow(flow);
      res.writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: problems.length === 0, problems }));
    });
  });
}

if (require.main === module) {
  const port = Number(process.env.PORT || 8080);
  createServer().listen(port, () => console.log(`flow-lint listening on ${port}`));
}

module.exports = { createServer };
JS
cat > test/validate.test.js <<'JS'
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const { validateFlow } = require('../src/validate.js');
const example = require('../examples/flows.json');

const rules = (flow) => validateFlow(flow).map((p) => p.rule);

test('the example flow is clean', () => {
  assert.deepStrictEqual(validateFlow(example), []);
});

test('a flow export must be an array', () => {
  assert.deepStrictEqual(rules({ id: 'x' }), ['format']);
});

test('duplicate ids are reported', () => {
  assert.deepStrictEqual(rules([...example, { ...example[1] }]), ['duplicate-id']);
});

test('a wire to a missing node is reported', () => {
  const flow = example.map((n) => (n.id === 'inject1' ? { ...n, wires: [['gone']] } : n));
  assert.deepStrictEqual(rules(flow), ['dangling-wire']);
});

test('a node on a deleted tab is reported', () => {
  assert.deepStrictEqual(rules(example.filter((n) => n.type !== 'tab')), ['orphan', 'orphan', 'orphan']);
});
JS
cat > examples/flows.json <<'JSON'
[
  {"id": "tab1", "type": "tab", "label": "Line 3 telemetry"},
  {"id": "inject1", "type": "inject", "z": "tab1", "repeat": "5", "wires": [["mqtt1"]]},
  {"id": "mqtt1", "type": "mqtt out", "z": "tab1", "topic": "plant/line3/temp", "wires": []},
  {"id": "debug1", "type": "debug", "z": "tab1", "wires": []}
]
JSON
cat > README.md <<'MD'
# flow-lint

Checks Node-RED flows before the FlowFuse platform deploys them to a hosted instance: unique ids, no node on a
deleted tab, no wire to a node that is gone, no instance of a deleted subflow.

    npm start                                   # POST /validate on port 8080 (PORT)
    curl -s --data-binary @examples/flows.json localhost:8080/validate
MD
printf 'node_modules/\ntest-report.txt\n' > .gitignore
commit "Priya Nair" priya@flowfuse.example "2025-03-03T10:12:00+01:00" "Flow validator with an HTTP endpoint"

# --- 2. the first pipeline -------------------------------------------------------------------------------------
cat > Dockerfile <<'DOCKER'
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY src ./src
USER node
CMD ["node", "src/server.js"]
DOCKER
cat > scripts/publish-image.sh <<'SH'
#!/bin/sh
# Builds the service's image and pushes it to ECR. $1: the full image reference.
set -eu
docker build -t "$1" .
docker push "$1"
SH
cat > scripts/rollout.sh <<'SH'
#!/bin/sh
# Tells the FlowFuse platform to roll the flow-lint service to the image $1.
set -eu
: "${FLOWFUSE_API_TOKEN:?set FLOWFUSE_API_TOKEN}"
curl -fsS -X POST "https://platform.flowfuse.example/api/v1/services/flow-lint/rollout" \
  -H "Authorization: Bearer $FLOWFUSE_API_TOKEN" -H 'content-type: application/json' \
  --data "{\"image\": \"$1\"}"
SH
chmod +x scripts/*.sh
cat > "$wf" <<'YAML'
name: flow-lint
on:
  push:
    branches: [main]
  pull_request:
    branches: [main]

permissions:
  contents: read

concurrency:
  group: flow-lint-${{ github.ref }}
  cancel-in-progress: ${{ github.ref != 'refs/heads/main' }}

jobs:
  unit-tests:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v3
        with:
          node-version: 18
      - uses: actions/cache@v4
        with:
          path: ~/.npm
          key: npm-${{ runner.os }}
      - run: npm ci
      - name: Unit tests
        run: npm run test:unit 2>&1 | tee test-report.txt
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: test-report
          path: test-report.txt

  deploy:
    needs: unit-tests
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/flow-lint-deploy
          aws-region: eu-west-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - name: Build and push the image
        run: ./scripts/publish-image.sh "${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}"
YAML
commit "Tomasz Kowalski" tomasz@flowfuse.example "2025-03-05T16:40:00+01:00" "ci: test and deploy pipeline"

# --- 3. pins after the tj-actions incident ---------------------------------------------------------------------
cat > docs/ci-policy.md <<MD
# CI policy

Agreed with the security team on 2025-03-17, after the tj-actions/changed-files compromise (its tags were
moved to a malicious commit).

1. **Pin every action to a full commit SHA**, with the version in a comment. Tags and branches move; a SHA
   does not. Only the versions below are approved (SHAs as \`git ls-remote\` reported them when approved);
   ask security to add one.
2. **The token is read-only.** \`permissions: contents: read\` by default; \`id-token: write\` only on the job
   that assumes an AWS role. No long-lived AWS keys in secrets.
3. **Code from forks never runs with secrets.** Fork pull requests run under \`pull_request\`, which gives them
   no secrets and a read-only token. Never check out a pull request's code in a \`pull_request_target\` run.
4. **main is protected.** Changes arrive through pull requests; the required status check is \`test\`.

| Action | Version | Commit |
|---|---|---|
| actions/checkout | v4.2.2 | 11bd71901bbe5b1630ceea73d27597364c9af683 |
| actions/setup-node | v3.9.1 | 3235b876344d2a9aa001b8d1453c930bba69e610 |
| actions/setup-node | v4.4.0 | $ASSAY_P_SETUP_NODE_SHA |
| actions/cache | v4.2.3 | 5a3ec84eff668545956fd18022155c47e93e2684 |
| actions/upload-artifact | v4.6.2 | ea165f8d65b6e75b540449e92b4886f43607fa02 |
| aws-actions/configure-aws-credentials | v4.2.1 | e3dd6a429d7300a6a4c196c26e071d42e0343502 |
| aws-actions/amazon-ecr-login | v2.0.1 | 062b18b96a7aff071d4dc91bc00c4c1a7945b076 |
MD
sed -i \
  -e "s|actions/checkout@v4|$CHECKOUT|" \
  -e "s|actions/setup-node@v3|actions/setup-node@3235b876344d2a9aa001b8d1453c930bba69e610 # v3.9.1|" \
  -e "s|actions/cache@v4|$CACHE|" \
  -e "s|actions/upload-artifact@v4|$UPLOAD|" \
  -e "s|aws-actions/configure-aws-credentials@v4|$AWS|" \
  -e "s|aws-actions/amazon-ecr-login@v2|$ECR|" \
  "$wf"
commit "Sam Okafor" sam@flowfuse.example "2025-03-17T11:05:00+01:00" \
  "ci: pin every action to a commit SHA (tj-actions incident)"

# --- 4. the test script renamed ----------------------------------------------------------------------------------
sed -i 's|"test:unit": "node --test"|"test": "node --test"|' package.json
cat > CONTRIBUTING.md <<'MD'
# Contributing

    npm ci        # exactly what the lockfile says
    npm test      # node's built-in test runner, test/*.test.js

CI runs these same two commands, nothing CI-only: if `npm test` passes on your machine it passes in CI.
Open a pull request against main; the `test` check must pass before it can merge.
MD
commit "Priya Nair" priya@flowfuse.example "2025-04-02T09:30:00+02:00" \
  "Rename the test:unit script to test, like every other repository"

# --- 5. Node 20 ------------------------------------------------------------------------------------------------
sed -i \
  -e 's|actions/setup-node@3235b876344d2a9aa001b8d1453c930bba69e610 # v3.9.1|actions/setup-node@v4|' \
  -e 's|node-version: 18|node-version: 20|' \
  "$wf"
commit "Lena Vogt" lena@flowfuse.example "2025-04-10T14:22:00+02:00" "ci: Node 20, setup-node v4"

# --- 6. "deploy previews" for forks ------------------------------------------------------------------------------
sed -i \
  -e 's|^  pull_request:$|  pull_request_target:|' \
  -e '/^    if: github.event_name == .push.$/d' \
  "$wf"
awk -v line="      - uses: $CHECKOUT" '{ print } $0 == line {
  print "        with:"
  print "          ref: ${{ github.event.pull_request.head.sha || github.sha }}"
}' "$wf" > "$wf.new"
mv "$wf.new" "$wf"
commit "Tomasz Kowalski" tomasz@flowfuse.example "2025-04-22T17:48:00+02:00" \
  "ci: build contributors' pull requests too

Pull requests from forks failed at the ECR login: pull_request gives them no
secrets. Run on pull_request_target and check out the pull request's head so
they get a preview image like everyone else."

# --- 7. the rename and the rollout step --------------------------------------------------------------------------
sed -i 's|^  unit-tests:$|  test:|' "$wf"
cat >> "$wf" <<'YAML'
      - name: Roll out on the platform
        run: ./scripts/rollout.sh "${{ steps.ecr.outputs.registry }}/flow-lint:${{ github.sha }}"
         env:
          FLOWFUSE_API_TOKEN: ${{ secrets.FLOWFUSE_API_TOKEN }}
YAML
commit "Lena Vogt" lena@flowfuse.example "2025-04-29T10:03:00+02:00" \
  "ci: rename unit-tests to test for branch protection; roll out through the platform API"

git push -q /srv/git/flow-lint.git main
cat > /srv/git/flow-lint.git/hooks/pre-receive <<'HOOK'
#!/bin/sh
# Stands in for GitHub's branch protection: main only changes through a reviewed pull request.
while read -r old new ref; do
  if [ "$ref" = refs/heads/main ]; then
    echo "main is protected: push a branch and open a pull request" >&2
    exit 1
  fi
done
exit 0
HOOK
chmod +x /srv/git/flow-lint.git/hooks/pre-receive

cd /root
rm -rf "$seed"
git clone -q /srv/git/flow-lint.git flow-lint
