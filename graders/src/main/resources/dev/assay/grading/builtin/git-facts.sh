#!/bin/bash
# The git grader's fact finder. It runs in a sandbox of ours, with our git, on a copy of the candidate's git
# directory (repo.tar, read through the engine's archive API), and judges what a fresh clone of it receives:
#  1. a layout that makes git read history from outside the copy (commondir) is refused;
#  2. everything git would trust without checking, or run, is dropped: config, hooks, info/ (grafts, attributes),
#     reflogs, index, shallow list, alternates, commit-graph, multi-pack-index, bitmaps, reverse indexes; replace
#     refs are ignored throughout (GIT_NO_REPLACE_OBJECTS);
#  3. git fsck --full re-hashes every object (a forged object or index fails as damaged; objects borrowed through
#     alternates or cut off by a shallow list are missing, and said so);
#  4. our git clones the copy with --mirror over its own transport (upload-pack): every ref a server advertises,
#     and only the objects they reach, exactly as a client would get them;
#  5. facts about the clone are printed, one a line: "name<TAB>value...".
# Arguments come as files (branch, tag, from, subject, commit, base, path, secret, only), so no candidate-chosen text
# is ever parsed by the shell.
set -u -o pipefail
mode=$1
unset GIT_DIR GIT_WORK_TREE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_INDEX_FILE
export HOME=$PWD GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_ATTR_NOSYSTEM=1 GIT_NO_REPLACE_OBJECTS=1 \
  GIT_TERMINAL_PROMPT=0 GIT_OPTIONAL_LOCKS=0 LC_ALL=C GIT_AUTHOR_NAME=assay GIT_AUTHOR_EMAIL=assay@invalid \
  GIT_COMMITTER_NAME=assay GIT_COMMITTER_EMAIL=assay@invalid GIT_AUTHOR_DATE='@0 +0000' \
  GIT_COMMITTER_DATE='@0 +0000'

fail() {
  printf 'error\t%s\n' "$1"
  exit 3
}
arg() { if [ -f "$1" ]; then cat -- "$1"; fi; }
# Candidate text shown in a message: printable, short.
shown() { tr -c '[:print:]' '?' | head -c 200; }

options=(-c core.hooksPath=/dev/null -c core.fsmonitor=false -c core.commitGraph=false -c core.multiPackIndex=false
  -c core.attributesFile=/dev/null -c core.bigFileThreshold=1m -c protocol.file.allow=always -c gc.auto=0 --no-pager)
src() { git --git-dir="$PWD/src" "${options[@]}" "$@"; }
g() { git --git-dir="$PWD/clone" "${options[@]}" "$@"; }

if ! { mkdir src && tar -xf repo.tar -C src --no-same-owner --no-same-permissions 2>/dev/null; }; then
  fail "the repository could not be unpacked"
fi
if ! [ -f src/HEAD ] || ! [ -d src/objects ] || ! [ -d src/refs ]; then
  fail "not a git repository (no HEAD, objects and refs)"
fi
if [ -e src/commondir ]; then
  fail "its commondir file names $(head -n 1 src/commondir | tr -d "\n" | shown): git takes its branches and objects from there, outside the directory read (a linked worktree's git directory, or a decoy); grade that repository"
fi
alternates=""
[ -s src/objects/info/alternates ] && alternates=$(tr '\n' ' ' <src/objects/info/alternates | shown)
shallow=""
[ -s src/shallow ] && shallow=yes
format=$(git config --file src/config --no-includes --get extensions.objectformat 2>/dev/null || true)
rm -rf src/config src/hooks src/info src/logs src/index src/shallow src/worktrees src/objects/info \
  src/objects/pack/multi-pack-index src/objects/pack/*.bitmap src/objects/pack/*.rev
if [ "$format" = sha256 ]; then
  printf '[core]\n\trepositoryformatversion = 1\n\tbare = true\n[extensions]\n\tobjectformat = sha256\n' >src/config
else
  printf '[core]\n\trepositoryformatversion = 0\n\tbare = true\n' >src/config
fi

if ! src fsck --full --no-dangling --no-reflogs --no-progress >/dev/null 2>fsck.err; then
  if [ -n "$alternates" ]; then
    fail "it borrows objects from $alternates(objects/info/alternates), outside the directory read, so its history cannot be judged from it"
  fi
  if [ -n "$shallow" ]; then
    fail "it is shallow: its history is cut off (the commits before the cut are missing), so it cannot be judged"
  fi
  fail "the repository is damaged: $(head -c 300 fsck.err | tr '\n\t' '  ')"
fi
if ! git "${options[@]}" clone --quiet --mirror --no-local "$PWD/src" clone >/dev/null 2>clone.err; then
  fail "our git could not clone it: $(head -c 300 clone.err | tr '\n\t' '  ')"
fi
printf 'clone\t%s\t%s\n' "$(g for-each-ref --format=x | wc -l)" \
  "$(g cat-file --batch-all-objects --batch-check='%(objectname)' | wc -l)"

# The commit a branch of the clone points at, or nothing.
tip() { g rev-parse -q --verify "refs/heads/$1^{commit}" 2>/dev/null || true; }
# The commit the branch, or the tag when the lab names one, points at (branch, contains, file).
named_tip() {
  if [ -s tag ]; then
    g rev-parse -q --verify "refs/tags/$(arg tag)^{commit}" 2>/dev/null || true
  else
    tip "$branch"
  fi
}
# A commit of the clone named by full id, or nothing.
known() { g rev-parse -q --verify "$1^{commit}" 2>/dev/null || true; }

# The commits reachable from $1 (at most 5000) whose subject is exactly the text of the file "subject";
# "$2" = oldest or newest picks one.
by_subject() {
  g log --format='%H%x09%s' -n 5000 "$1" -- |
    awk -F'\t' -v pick="$2" 'NR == FNR { want = $0; next }
      { i = index($0, "\t"); if (substr($0, i + 1) == want) { found = substr($0, 1, i - 1); if (pick == "newest") { print found; exit } } }
      END { if (pick == "oldest" && found != "") print found }' subject -
}

patch_id() { g diff-tree -p "$@" | g patch-id --stable | cut -d' ' -f1; }

# Commits in the range "$@" whose patch id is $1 (the first one found).
with_patch_id() {
  local wanted=$1
  shift
  [ -n "$wanted" ] || return 0
  g log -p --no-merges --format='commit %H' -n 1000 "$@" -- | g patch-id --stable |
    awk -v id="$wanted" '$1 == id { print $2; exit }'
}

subject_of() { printf '%s' "$(g log -n 1 --format='%s' "$1" --)" | shown; }
tree_of() { g rev-parse "$1^{tree}"; }
empty_tree=$(g hash-object -w -t tree /dev/null)
# The tree of a commit's first parent; the empty tree for a root commit.
before() { g rev-parse -q --verify "$1^1^{tree}" 2>/dev/null || printf '%s\n' "$empty_tree"; }

# shellcheck source=SCRIPTDIR/git-change.sh
source "$(dirname "$0")/git-change.sh"

branch=$(arg branch)
case "$mode" in
branch)
  t=$(named_tip)
  printf 'tip\t%s\n' "${t:--}"
  ;;
contains)
  t=$(named_tip)
  printf 'tip\t%s\n' "${t:--}"
  [ -n "$t" ] || exit 0
  if [ -s commit ]; then
    c=$(known "$(arg commit)")
    printf 'wanted\t%s\n' "${c:--}"
    [ -n "$c" ] && g merge-base --is-ancestor "$c" "$t" && printf 'ancestor\tyes\n'
  else
    g log --format='commit%x09%H%x09%s' -n 300 "$t" --
  fi
  ;;
reverted)
  t=$(tip "$branch")
  printf 'tip\t%s\n' "${t:--}"
  [ -n "$t" ] || exit 0
  if [ -s commit ]; then
    bad=$(known "$(arg commit)")
    [ -n "$bad" ] && ! g merge-base --is-ancestor "$bad" "$t" && { printf 'elsewhere\t%s\n' "$bad"; bad=""; }
  else
    bad=$(by_subject "$t" oldest)
    if [ -z "$bad" ]; then
      elsewhere=$(by_subject --all oldest)
      [ -n "$elsewhere" ] && printf 'elsewhere\t%s\n' "$elsewhere"
    fi
  fi
  printf 'target\t%s\n' "${bad:--}"
  [ -n "$bad" ] || exit 0
  undo=$(with_patch_id "$(patch_id "$bad" "$bad^" 2>/dev/null)" "$bad..$t")
  [ -n "$undo" ] && printf 'revert\t%s\t%s\n' "$undo" "$(subject_of "$undo")"
  printf 'undo\t%s\n' "$(change_at "$(tree_of "$t")" "$(tree_of "$bad")" "$(before "$bad")")"
  g diff-tree -r -z --no-commit-id --name-only "$bad" -- | head -z -n 50 | while IFS= read -r -d '' p; do
    printf 'file\t%s\n' "$(printf '%s' "$p" | shown)"
  done
  ;;
cherry-picked)
  cherry_picked "$branch"
  ;;
merged)
  merged "$branch"
  ;;
file)
  t=$(named_tip)
  printf 'tip\t%s\n' "${t:--}"
  [ -n "$t" ] || exit 0
  path=$(arg path)
  entry=$(g ls-tree --full-tree "$t" -- "$path" | head -n 1)
  printf 'mode\t%s\n' "${entry%% *}"
  if [ "$(g cat-file -t "$t:$path" 2>/dev/null)" != blob ]; then
    printf 'blob\t-\n'
    exit 0
  fi
  printf 'blob\t%s\n---\n' "$(g cat-file -s "$t:$path")"
  g cat-file blob "$t:$path" | head -c 60000
  ;;
secret-absent)
  [ -s secret ] || fail "no secret to look for"
  command -v python3 >/dev/null || exit 127
  # Our finder failing is our trouble, not the candidate's (exit 4: not gradable), unless it ran out of memory.
  python3 "$(dirname "$0")/git-secret.py" "$PWD/src" "$PWD/clone" secret
  status=$?
  [ "$status" -eq 0 ] || exit "$([ "$status" -eq 137 ] && echo 137 || echo 4)"
  ;;
*)
  fail "unknown mode $mode"
  ;;
esac
exit 0
