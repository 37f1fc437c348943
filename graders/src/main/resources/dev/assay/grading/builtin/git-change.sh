# shellcheck shell=bash
# Sourced by git-facts.sh: whether a commit's change is in a tree, judged by git's own merge machinery, and the
# facts of cherry-picked and merged. Every helper works on the clone (g) and prints facts or one word.

# Whether applying the change from tree $2 to tree $3 onto tree $1 would alter it: "same" (the change is already
# in $1: a cherry-pick of it would be empty), "changes" or "conflict". Git's three-way merge (merge-tree, on
# throw-away commits whose merge base is $2) decides; where it conflicts only because the change sits next to a
# later edit of the same lines, the conflicted files are merged again word by word (git merge-file on one token a
# line), which still finds the change applied only if every word of it is already there.
change_at() {
  local tip=$1 base=$2 theirs=$3 b t o result rc p
  if ! { b=$(g commit-tree -m base "$base") && t=$(g commit-tree -m theirs -p "$b" "$theirs") &&
    o=$(g commit-tree -m ours -p "$b" "$tip"); }; then
    echo conflict
    return
  fi
  g merge-tree --write-tree -z --name-only --no-messages "$o" "$t" >merge.out 2>/dev/null
  rc=$?
  result=$(head -z -n 1 merge.out | tr -d '\0')
  if [ "$rc" -eq 0 ]; then
    if [ "$result" = "$tip" ]; then echo same; else echo changes; fi
    return
  fi
  if [ "$rc" -ne 1 ] || [ -z "$result" ]; then
    echo conflict
    return
  fi
  tail -z -n +2 merge.out | sort -z -u >conflicted
  # Every path that differs from the tip must be a conflicted one, and each must merge cleanly word by word.
  if g diff-tree -r -z --name-only "$result" "$tip" -- | sort -z -u | comm -z -23 - conflicted | grep -qz .; then
    echo changes
    return
  fi
  while IFS= read -r -d '' p; do
    [ -n "$p" ] || continue
    if ! { words "$base" "$p" >w.base && words "$tip" "$p" >w.ours && words "$theirs" "$p" >w.theirs; }; then
      echo conflict
      return
    fi
    git merge-file -q -p w.ours w.base w.theirs >w.merged 2>/dev/null || { echo conflict; return; }
    cmp -s w.merged w.ours || { echo changes; return; }
  done <conflicted
  echo same
}

# A file of a tree, one word a line, each line's end marked: for merging word by word. Fails when it is absent.
words() {
  g cat-file blob "$1:$2" 2>/dev/null >w.blob || return 1
  awk '{ for (i = 1; i <= NF; i++) print $i; print "\001" }' w.blob
}

# The first commit on the branch's own line (first parents from its tip) that is an ancestor of $2: where the
# branch stood before the commit $2 follows could have reached it. Nothing when there is none.
fork_point() {
  g rev-list "$2" -- >ancestors 2>/dev/null || return 0
  g rev-list --first-parent "$1" -- | awk 'NR == FNR { seen[$0] = 1; next } ($0 in seen) { print; exit }' ancestors -
}

# Facts for cherry-picked onto branch $1.
cherry_picked() {
  local t f src fork only c n same
  t=$(tip "$1")
  f=$(tip "$(arg from)")
  printf 'tip\t%s\nfrom\t%s\n' "${t:--}" "${f:--}"
  [ -n "$t" ] && [ -n "$f" ] || return 0
  if [ -s commit ]; then src=$(known "$(arg commit)"); else src=$(by_subject "$f" oldest); fi
  printf 'source\t%s\n' "${src:--}"
  [ -n "$src" ] || return 0
  printf 'present\t%s\n' "$(change_at "$(tree_of "$t")" "$(before "$src")" "$(tree_of "$src")")"
  same=$(with_patch_id "$(patch_id "$src")" "$t" "^$src")
  [ -n "$same" ] && printf 'equivalent\t%s\t%s\n' "$same" "$(subject_of "$same")"
  g merge-base --is-ancestor "$src" "$t" && printf 'ancestor\tyes\n'
  if [ -s base ]; then
    # Where the lab's branch stood before the candidate's work: given by the lab, it must still be there.
    fork=$(known "$(arg base)")
    if [ -z "$fork" ] || ! g merge-base --is-ancestor "$fork" "$t"; then
      printf 'base\tgone\n'
      fork=""
    fi
  else
    fork=$(fork_point "$t" "$src^")
  fi
  printf 'fork\t%s\n' "${fork:--}"
  [ -n "$fork" ] || return 0
  only=$(arg only)
  g rev-list "$t" "^$fork" -- | sort >on-branch
  [ "$only" = true ] && g log -p --no-merges --format='commit %H' -n 1000 "$t" "^$fork" -- | g patch-id --stable |
    cut -d' ' -f1 | sort -u >branch-patches
  n=0
  for c in $(g rev-list --no-merges -n 201 "$f" "^$fork" --); do
    [ "$c" = "$src" ] && continue
    n=$((n + 1))
    if [ "$n" -gt 200 ]; then
      printf 'others\ttoo many\n'
      break
    fi
    if grep -qx "$c" on-branch; then
      printf 'other\tmerged\t%s\t%s\n' "$c" "$(subject_of "$c")"
    elif [ "$only" = true ] && grep -qx "$(patch_id "$c")" branch-patches; then
      printf 'other\tpicked\t%s\t%s\n' "$c" "$(subject_of "$c")"
    elif [ "$only" = true ] && [ "$(change_at "$(tree_of "$t")" "$(before "$c")" "$(tree_of "$c")")" = same ] &&
      [ "$(change_at "$(tree_of "$fork")" "$(before "$c")" "$(tree_of "$c")")" != same ]; then
      printf 'other\tcontent\t%s\t%s\n' "$c" "$(subject_of "$c")"
    fi
  done
}

# Facts for merged into branch $1.
merged() {
  local t f m c fork p line rest
  t=$(tip "$1")
  f=$(tip "$(arg from)")
  printf 'tip\t%s\nfrom\t%s\n' "${t:--}" "${f:--}"
  [ -n "$t" ] && [ -n "$f" ] || return 0
  if g merge-base --is-ancestor "$f" "$t"; then printf 'ancestor\tyes\n'; else printf 'ancestor\tno\n'; fi
  g grep -a -c -E '^(<<<<<<<|>>>>>>>)( |$)|^=======$' "$t" -- | head -n 20 | while IFS= read -r line; do
    rest=${line#"$t":}
    printf 'markers\t%s\t%s\n' "${rest##*:}" "$(printf '%s' "${rest%:*}" | shown)"
  done
  # The merge commit: the last commit on the branch's own line that has from in its history. Files only from
  # changed since the fork must not be left as they were at the fork (a merge that took nothing, -s ours).
  g rev-list --ancestry-path "$f..$t" -- | sort >descendants
  m=""
  for c in $(g rev-list --first-parent -n 5000 "$t" --); do
    grep -qx "$c" descendants || break
    m=$c
  done
  [ -n "$m" ] && g rev-parse -q --verify "$m^2" >/dev/null || return 0
  fork=$(g merge-base "$m^1" "$f") || return 0
  printf 'merge\t%s\n' "$m"
  g diff-tree -r -z --name-only "$fork" "$m^1" -- | sort -z -u >ours-changed
  g diff-tree -r -z --name-only "$fork" "$f" -- | sort -z -u | comm -z -23 - ours-changed | head -z -n 500 |
    while IFS= read -r -d '' p; do
      if [ "$(g rev-parse -q --verify "$t:$p" 2>/dev/null)" = "$(g rev-parse -q --verify "$fork:$p" 2>/dev/null)" ]; then
        printf 'dropped\t%s\n' "$(printf '%s' "$p" | shown)"
      fi
    done
}
