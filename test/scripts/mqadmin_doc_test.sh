#!/usr/bin/env bash
# docs/mqadmin.md must document every subcommand `mqadmin` lists, each with the usage that
# `mqadmin help <cmd>` prints now (scripts/gen_mqadmin_doc.sh writes the file).
#   mqadmin_doc_test.sh <bin dir> <docs/mqadmin.md>
set -euo pipefail
bin=$1
doc=$2
fail=0
names=$("$bin/mqadmin" | sed -n 's/^   \([A-Za-z]*\) .*/\1/p')
[ -n "$names" ] || { echo "mqadmin listed no subcommands"; exit 1; }
for name in $names; do
  # The first fenced block after "## <name>" is its usage.
  documented=$(awk -v n="## $name" '
    $0 == n { in_section = 1; next }
    in_section && /^## / { exit }
    in_section && /^```/ { if (in_block) exit; in_block = 1; next }
    in_block { print }' "$doc")
  if [ -z "$documented" ]; then
    echo "docs/mqadmin.md has no section for $name"
    fail=1
  elif [ "$documented" != "$("$bin/mqadmin" help "$name")" ]; then
    echo "docs/mqadmin.md: the usage of $name differs from 'mqadmin help $name'"
    fail=1
  fi
done
[ "$fail" = 0 ] && echo "docs/mqadmin.md documents all $(echo "$names" | wc -l) subcommands with their current usage"
exit "$fail"
