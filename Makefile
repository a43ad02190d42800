# See README.md.  Both targets work from a fresh Debian 12 machine (root).
.PHONY: check bench check-base vmtest tree export build

check:		# build, boot, run the test allowlist; ends "N passed, N failed"
	scripts/run-tests.sh

bench:		# build both kernels, boot the bench kernel, print the ratio table
	scripts/run-bench.sh

check-base:	# the series' own tests on the unpatched kernel: all must fail
	scripts/run-tests-on-base.sh

vmtest:		# BPF CI's path: the series' vmtest.sh, CI kernel config and rootfs
	scripts/run-vmtest.sh

tree:		# (re)create the work tree from patches/
	scripts/prepare-tree.sh

export:		# write the work tree's commits back to patches/
	scripts/export-patches.sh

build:		# test kernel + selftests of the work tree as it is
	scripts/build-kernel.sh test && scripts/build-selftests.sh
