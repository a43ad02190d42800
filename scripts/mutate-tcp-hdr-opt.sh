#!/bin/bash
# Show that tcp_hdr_opt_cache catches the bugs it is there for: revert one
# rule of the TCP header option cache at a time in the work tree, rebuild
# the test kernel, run the test in the VM and list the subtests that fail.
# The tree is restored after each mutation (and on exit); the test kernel
# is rebuilt from the restored tree at the end.
#
#   mutate-tcp-hdr-opt.sh [NAME...]     (default: every mutation below)
set -euo pipefail
. "$(dirname "$0")/config.sh"
sel=$TREE/tools/testing/selftests/bpf
res=$STATE/mutations
mkdir -p "$res"

# name@file@python regex@replacement: one rule each
mutations=(
	"nocache-setsockopt@net/core/filter.c@bpf_sock->hdr_opt_cache \|= SKOPS_HDR_OPT_NOCACHE;\n\treturn err;@(void)0;\n\treturn err;"
	"nocache-cbflags-setsockopt@net/core/filter.c@\(optname == TCP_BPF_SOCK_OPS_CB_FLAGS &&@(0 &&"
	"nocache-cb-flags-set@net/core/filter.c@if \(tcp_set_sock_ops_cb_flags\(sk, val\)\)\n\t\tbpf_sock->hdr_opt_cache \|= SKOPS_HDR_OPT_NOCACHE;@tcp_set_sock_ops_cb_flags(sk, val);"
	"syn-states@net/ipv4/tcp_output.c@if \(room_limited \|\|\n\t    \(\(1 << sk->sk_state\) & \(TCPF_SYN_SENT \| TCPF_SYN_RECV\)\)\)@if (room_limited)"
	"stale-bit@net/ipv4/tcp_output.c@valid = tcp_bpf_hdr_opt_len_valid\(tp, gen\);@valid = tp->bpf_hdr_opt_len_cache && tp->bpf_hdr_opt_len_gen == gen;"
	"data-skb-len@net/ipv4/tcp_output.c@if \(skb && skb->len\) \{\n\t\tlen = tp->bpf_hdr_opt_len_mss;@if (skb) {\n\t\tlen = tp->bpf_hdr_opt_len_mss;"
	"no-mss-len@net/ipv4/tcp_output.c@if \(skb && skb->len\) \{\n\t\tlen = tp->bpf_hdr_opt_len_mss;@if (0) {\n\t\tlen = tp->bpf_hdr_opt_len_mss;"
	"dsack-max@net/ipv4/tcp_output.c@if \(len <= \*remaining \+ dsack\)@if (0)"
	"generation@net/ipv4/tcp_output.c@valid = tcp_bpf_hdr_opt_len_valid\(tp, gen\);@valid = tp->bpf_hdr_opt_len_cache && !tp->bpf_hdr_opt_len_stale;"
	"mtu-probe-mss@net/ipv4/tcp_output.c@\tprobe_size = tcp_mtu_to_mss\(sk, \(icsk@\tmss_now = tcp_current_mss(sk);\n\tprobe_size = tcp_mtu_to_mss(sk, (icsk"
)

restore() { git -C "$TREE" checkout -q -- net; }
trap restore EXIT

want=" $* "
for m in "${mutations[@]}"; do
	IFS='@' read -r name file re repl <<< "$m"
	[ $# = 0 ] || [[ $want == *" $name "* ]] || continue
	python3 - "$TREE/$file" "$re" "$repl" <<'PY' || { echo "mutate: $name does not apply"; continue; }
import re, sys
path, pat, repl = sys.argv[1:]
s = open(path).read()
repl = repl.replace("\\n", "\n").replace("\\t", "\t")
new, n = re.subn(pat.replace("\\n", "\n").replace("\\t", "\t"), lambda m: repl, s, count=1)
if n != 1:
	sys.exit("mutation does not apply to " + path)
open(path, "w").write(new)
PY
	echo "mutate: $name ($file): $(git -C "$TREE" diff --stat | tail -n 1)"
	"$TOP/scripts/build-kernel.sh" test > "$res/$name-build.log" 2>&1 ||
		{ echo "mutate: $name: build failed, see $res/$name-build.log"; restore; continue; }
	(cd "$sel" && "$TOP/scripts/vm-run.sh" -r "$res/vm-$name" -- \
		./test_progs -t tcp_hdr_opt_cache) > "$res/$name.log" 2>&1 || true
	failed=$(tr -d '\r' < "$res/$name.log" |
		sed -n 's/^#[0-9]*\/[0-9]* *tcp_hdr_opt_cache\/\([a-z_0-9]*\):FAIL$/\1/p' |
		sort -u | paste -sd' ' -)
	echo "mutate: $name: failing subtests: ${failed:-NONE}"
	restore
done
trap - EXIT
echo "mutate: rebuilding the test kernel from the restored tree"
"$TOP/scripts/build-kernel.sh" test > "$res/restore-build.log" 2>&1
