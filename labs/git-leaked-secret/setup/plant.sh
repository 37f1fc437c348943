#!/bin/sh
# Plants a repository whose history holds a production AWS secret key: added in one commit, "removed" in a later
# one, and still reachable from main and from the release tag, on the team's remote and in the candidate's clone.
# Drawn per session (lab.yaml, parameters): the repository's name ($ASSAY_P_APP), the file that held the key
# ($ASSAY_P_FILE), the release tag ($ASSAY_P_TAG) and the key's random end ($ASSAY_P_KEY).
set -eu
app=$ASSAY_P_APP
file=$ASSAY_P_FILE
tag=$ASSAY_P_TAG
export GIT_AUTHOR_NAME="Dana Developer" GIT_AUTHOR_EMAIL=dana@shop.example
export GIT_COMMITTER_NAME="Dana Developer" GIT_COMMITTER_EMAIL=dana@shop.example
git config --global init.defaultBranch main
git config --global user.name "Candidate"
git config --global user.email candidate@shop.example
mkdir -p /srv/git
git init -q --bare "/srv/git/$app.git"
git init -q /tmp/seed
cd /tmp/seed
mkdir -p config src "$(dirname "$file")"
printf 'export function main() {\n  return "shop";\n}\n' > src/app.js
printf 'LOG_LEVEL=info\n' > config/app.env
git add . && git commit -qm "Start the app"
printf 'AWS_ACCESS_KEY_ID=AKIAZ7EXAMPLEPROD01\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/%s\n' "$ASSAY_P_KEY" > "$file"
git add . && git commit -qm "Add production config"
printf 'export function main() {\n  return "shop %s";\n}\n' "$tag" > src/app.js
git commit -qam "Release $tag"
git tag -a "$tag" -m "Release $tag"
git rm -q "$file"
mkdir -p "$(dirname "$file")"
printf '%s\n' "$(basename "$file")" > "$(dirname "$file")/.gitignore"
git add . && git commit -qm "Remove secrets"
printf 'export function main() {\n  return "shop %s+fixes";\n}\n' "$tag" > src/app.js
git commit -qam "Fixes after $tag"
git push -q "/srv/git/$app.git" main --tags
cd /root
rm -rf /tmp/seed
git clone -q "/srv/git/$app.git" "$app"
