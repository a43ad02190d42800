#!/bin/bash
# Fail (exit 1) if a guest dmesg holds a kernel warning or error report:
# WARN, BUG, Oops, lockdep, RCU, KASAN/UBSAN/KFENCE, hung tasks, stalls.
#
#   dmesg-check.sh DMESG [EXPECTED]
#
# With EXPECTED (an extended regex), reports whose line matches it, and
# the call traces that follow them, are listed but allowed.
pattern='WARNING:|BUG:|kernel BUG at|Oops|general protection fault|'
pattern+='possible (recursive|circular) locking|inconsistent lock state|'
pattern+='suspicious RCU usage|KASAN|UBSAN|KFENCE|kmemleak|'
pattern+='blocked for more than|rcu_.*detected stalls|soft lockup|hard LOCKUP|'
pattern+='Call Trace:'
if [ -n "${2:-}" ]; then
	grep -E "$pattern" "$1" | grep -E "$2" | sed 's/^/dmesg-check: expected: /'
	if ! grep -E "$pattern" "$1" | grep -vE "$2" | grep -qv 'Call Trace:'; then
		exit 0
	fi
elif ! grep -qE "$pattern" "$1"; then
	exit 0
fi
echo "dmesg-check: kernel reported a problem in $1:" >&2
grep -nE -B2 -A25 "$pattern" "$1" | head -80 >&2
exit 1
