#!/bin/bash
# Runs inside the test VM: test_progs on tests/allowlist.txt minus
# tests/denylist.txt, JSON summary into the results share.
here=$(cd "$(dirname "$0")" && pwd)
names() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | awk NF | paste -sd, -; }
allow=$(names "$here/allowlist.txt")
deny=$(names "$here/denylist.txt")
cd "$1" || exit 125
args=(-a "$allow" --json-summary=/run/results/test_progs.json)
[ -z "$deny" ] || args+=(-d "$deny")
echo "vm-test-progs: ./test_progs ${args[*]}"
./test_progs "${args[@]}"
