#!/bin/bash
# The git grader's fact finder. It runs in a sandbox of ours, with our git, on a copy of the candidate's
# repository (repo.tar, read through the engine's archive API). Before any git command runs, everything in the
# copy that could run code or bend what git reports is dropped: the repository's config, hooks, info/ (grafts,
# attributes, excludes), the shallow list, alternates, and the caches git would trust unchecked (commit-graph,
# multi-pack-index, bitmaps, reverse indexes); replace refs are ignored; git fsck then re-hashes every object.
# Arguments come as files (branch, from, subject, path, secret), so no
# candidate-chosen text is ever parsed by the shell. Output: one fact per line, "name<TAB>value...".
set -u -o pipefail
mode=$1

fail() {
  printf 'error\t%s\n' "$1"
  exit 3
}
arg() { if [ -f "$1" ]; then cat -- "$1"; fi; }

if ! { mkdir repo && tar -xf repo.tar -C repo --no-same-owner --no-same-permissions 2>/dev/null; }; then
  fail "the repository could not be unpacked"
fi
if ! [ -f repo/HEAD ] || ! [ -d repo/objects ] || ! [ -d repo/refs ]; then
  fail "not a git repository (no HEAD, objects and refs)"
fi
format=$(git config --file repo/config --get extensions.objectformat 2>/dev/null || true)
rm -rf repo/config repo/hooks repo/info repo/shallow repo/commondir repo/objects/info \
  repo/objects/pack/multi-pack-index repo/objects/pack/*.bitmap repo/objects/pack/*.rev
if [ "$format" = sha256 ]; then
  printf '[core]\n\trepositoryformatversion = 1\n\tbare = true\n[extensions]\n\tobjectformat = sha256\n' >repo/config
else
  printf '[core]\n\trepositoryformatversion = 0\n\tbare = true\n' >repo/config
fi

export GIT_DIR=$PWD/repo HOME=$PWD GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_ATTR_NOSYSTEM=1 \
  GIT_NO_REPLACE_OBJECTS=1 GIT_TERMINAL_PROMPT=0 GIT_OPTIONAL_LOCKS=0 LC_ALL=C
g() {
  git -c core.hooksPath=/dev/null -c core.fsmonitor=false -c core.commitGraph=false -c core.multiPackIndex=false \
    -c core.attributesFile=/dev/null -c core.bigFileThreshold=1m --no-pager "$@"
}

# Every object is re-hashed: a forged index, loose object or pack cannot make git report what is not there.
if ! g fsck --full --no-dangling --no-progress >/dev/null 2>fsck.err; then
  fail "the repository is damaged: $(head -c 300 fsck.err | tr '\n\t' '  ')"
fi

# The commit a branch points at, or nothing.
tip() { g rev-parse -q --verify "refs/heads/$1^{commit}" 2>/dev/null || true; }

# The commits reachable from $1 (at most 2000) whose subject is exactly the text of the file "subject";
# "$2" = oldest or newest picks one.
by_subject() {
  g log --format='%H%x09%s' -n 2000 "$1" -- |
    awk -F'\t' -v pick="$2" 'NR == FNR { want = $0; next }
      { i = index($0, "\t"); if (substr($0, i + 1) == want) { found = substr($0, 1, i - 1); if (pick == "newest") { print found; exit } } }
      END { if (pick == "oldest" && found != "") print found }' subject -
}

patch_id() { g diff-tree -p "$@" | g patch-id --stable | cut -d' ' -f1; }

# Commits in the range "$@" whose patch id is $1 (the first one found).
with_patch_id() {
  local wanted=$1
  shift
  g log -p --no-merges --format='commit %H' -n 500 "$@" -- | g patch-id --stable | awk -v id="$wanted" '$1 == id { print $2; exit }'
}

subject_of() { g log -n 1 --format='%s' "$1" --; }

branch=$(arg branch)
case "$mode" in
branch)
  t=$(tip "$branch")
  printf 'tip\t%s\n' "${t:--}"
  ;;
contains)
  t=$(tip "$branch")
  printf 'tip\t%s\n' "${t:--}"
  [ -n "$t" ] && g log --format='commit%x09%H%x09%s' -n 500 "$t" --
  ;;
reverted)
  t=$(tip "$branch")
  printf 'tip\t%s\n' "${t:--}"
  [ -n "$t" ] || exit 0
  bad=$(by_subject "$t" oldest)
  if [ -z "$bad" ]; then
    printf 'target\t-\n'
    elsewhere=$(by_subject --all oldest)
    [ -n "$elsewhere" ] && printf 'elsewhere\t%s\n' "$elsewhere"
    exit 0
  fi
  printf 'target\t%s\n' "$bad"
  undo=$(with_patch_id "$(patch_id "$bad" "$bad^")" "$bad..$t")
  [ -n "$undo" ] && printf 'revert\t%s\t%s\n' "$undo" "$(subject_of "$undo")"
  g diff-tree -r -z --no-commit-id --name-only "$bad" -- | while IFS= read -r -d '' p; do
    before=$(g rev-parse -q --verify "$bad^:$p" 2>/dev/null || true)
    now=$(g rev-parse -q --verify "$t:$p" 2>/dev/null || true)
    if [ "$before" = "$now" ]; then state=restored; else state=differs; fi
    printf 'file\t%s\t%s\n' "$state" "${p//$'\n'/?}"
  done
  ;;
cherry-picked)
  t=$(tip "$branch")
  f=$(tip "$(arg from)")
  printf 'tip\t%s\nfrom\t%s\n' "${t:--}" "${f:--}"
  [ -n "$t" ] && [ -n "$f" ] || exit 0
  src=$(by_subject "$f" newest)
  printf 'source\t%s\n' "${src:--}"
  [ -n "$src" ] || exit 0
  if g merge-base --is-ancestor "$src" "$t"; then printf 'merged\tyes\n'; else printf 'merged\tno\n'; fi
  same=$(with_patch_id "$(patch_id "$src")" "$t" "^$src")
  [ -n "$same" ] && printf 'equivalent\t%s\t%s\n' "$same" "$(subject_of "$same")"
  noted=$(g log --format=%H -n 500 --fixed-strings --grep="cherry picked from commit $src" "$t" "^$src" -- | head -n 1)
  [ -n "$noted" ] && printf 'noted\t%s\t%s\n' "$noted" "$(subject_of "$noted")"
  ;;
merged)
  t=$(tip "$branch")
  f=$(tip "$(arg from)")
  printf 'tip\t%s\nfrom\t%s\n' "${t:--}" "${f:--}"
  [ -n "$t" ] && [ -n "$f" ] || exit 0
  if g merge-base --is-ancestor "$f" "$t"; then printf 'ancestor\tyes\n'; else printf 'ancestor\tno\n'; fi
  g grep -a -c -E '^(<<<<<<<|>>>>>>>)( |$)|^=======$' "$t" -- | head -n 20 | while IFS= read -r line; do
    rest=${line#"$t":}
    printf 'markers\t%s\t%s\n' "${rest##*:}" "${rest%:*}"
  done
  ;;
file)
  t=$(tip "$branch")
  printf 'tip\t%s\n' "${t:--}"
  [ -n "$t" ] || exit 0
  path=$(arg path)
  if [ "$(g cat-file -t "$t:$path" 2>/dev/null)" != blob ]; then
    printf 'blob\t-\n'
    exit 0
  fi
  printf 'blob\t%s\n---\n' "$(g cat-file -s "$t:$path")"
  g cat-file blob "$t:$path" | head -c 65536
  ;;
secret-absent)
  [ -s secret ] || fail "no secret to look for"
  { g rev-parse -q --verify 'HEAD^{commit}' >/dev/null 2>&1 && echo HEAD; g for-each-ref --format='%(refname)'; } |
    while IFS= read -r ref; do
      n=$(g rev-list --objects "$ref" -- | cut -d' ' -f1 | g cat-file --batch | grep -a -c -F -f secret || true)
      printf 'ref\t%s\t%s\n' "$n" "$ref"
    done
  ;;
*)
  fail "unknown mode $mode"
  ;;
esac
exit 0
