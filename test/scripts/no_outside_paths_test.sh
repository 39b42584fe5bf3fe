#!/usr/bin/env bash
# Fails when a file of the repository refers to a path outside it: the development environment's
# shared folder (two dots, "shared"), its absolute work root, or the shared vectors folder. The
# repository must stand alone: a clone builds and tests without anything beside it.
#   no_outside_paths_test.sh <source dir>
# Only test/vectors/PROVENANCE may name where the vectors were copied from.
set -euo pipefail
src=${1:?usage: no_outside_paths_test.sh <source dir>}
cd "$src"
self=test/scripts/no_outside_paths_test.sh
dots='\.\.'
patterns=(-e "${dots}/shared" -e '/work/' -e 'shared/vectors')

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked files, plus new files not ignored (so a file about to be committed is checked too).
  hits=$(git grep -n -I --untracked "${patterns[@]}" -- . ":(exclude)$self" \
           ':(exclude)test/vectors/PROVENANCE' || true)
else
  # An exported tree without .git: every file except build directories.
  hits=$(grep -rn -I "${patterns[@]}" --exclude-dir='build*' --exclude-dir='.git' . |
           grep -v -e "^\./$self:" -e '^\./test/vectors/PROVENANCE:' || true)
fi
if [ -n "$hits" ]; then
  echo "files refer to paths outside the repository:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "no file refers to a path outside the repository"
