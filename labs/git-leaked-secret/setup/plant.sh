#!/bin/sh
# Plants a repository whose history holds a production AWS secret key: added in one commit, "removed" in a later
# one, and still reachable from main and from the release tag, on the team's remote and in the candidate's clone.
set -eu
export GIT_AUTHOR_NAME="Dana Developer" GIT_AUTHOR_EMAIL=dana@shop.example
export GIT_COMMITTER_NAME="Dana Developer" GIT_COMMITTER_EMAIL=dana@shop.example
git config --global init.defaultBranch main
git config --global user.name "Candidate"
git config --global user.email candidate@shop.example
mkdir -p /srv/git
git init -q --bare /srv/git/app.git
git init -q /tmp/seed
cd /tmp/seed
mkdir -p config src
printf 'export function main() {\n  return "shop";\n}\n' > src/app.js
printf 'LOG_LEVEL=info\n' > config/app.env
git add . && git commit -qm "Start the app"
printf 'AWS_ACCESS_KEY_ID=AKIAZ7EXAMPLEPROD01\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzPROD7788\n' > config/prod.env
git add . && git commit -qm "Add production config"
printf 'export function main() {\n  return "shop v1";\n}\n' > src/app.js
git commit -qam "Release 1.0"
git tag -a v1.0 -m "Release 1.0"
git rm -q config/prod.env
printf 'prod.env\n' > config/.gitignore
git add . && git commit -qm "Remove secrets"
printf 'export function main() {\n  return "shop v1.1";\n}\n' > src/app.js
git commit -qam "Next version"
git push -q /srv/git/app.git main --tags
cd /root
rm -rf /tmp/seed
git clone -q /srv/git/app.git app
