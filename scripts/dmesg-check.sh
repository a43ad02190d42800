#!/bin/bash
# Fail (exit 1) if a guest dmesg holds a kernel warning or error report:
# WARN, BUG, Oops, lockdep, RCU, KASAN/UBSAN/KFENCE, hung tasks, stalls.
pattern='WARNING:|BUG:|kernel BUG at|Oops|general protection fault|'
pattern+='possible (recursive|circular) locking|inconsistent lock state|'
pattern+='suspicious RCU usage|KASAN|UBSAN|KFENCE|kmemleak|'
pattern+='blocked for more than|rcu_.*detected stalls|soft lockup|hard LOCKUP|'
pattern+='Call Trace:'
if grep -nE "$pattern" "$1" > /dev/null; then
	echo "dmesg-check: kernel reported a problem in $1:" >&2
	grep -nE -B2 -A25 "$pattern" "$1" | head -80 >&2
	exit 1
fi
exit 0
