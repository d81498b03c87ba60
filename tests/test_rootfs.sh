#!/usr/bin/env bash
# The runtime image's file tree (tools/runtime-rootfs.sh) holds everything
# wfc needs: wfc runs from it under chroot with nothing of the host, and so
# does the static wrapper. Skips (77) where chroot is not allowed.
#
# usage: test_rootfs.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root

fail=0
check() { # NAME CMD...: the command must succeed
	local name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		sed 's/^/     /' "$tmp/out"
		fail=1
	fi
}

if ! bash "$src/tools/runtime-rootfs.sh" "$build/wfc" "$root" >"$tmp/out" 2>&1; then
	echo "FAIL runtime-rootfs.sh"
	cat "$tmp/out"
	exit 1
fi

# chroot as root, or in a user namespace as anyone else
if [ "$(id -u)" -eq 0 ]; then
	jail=(chroot "$root")
elif unshare -r true 2>/dev/null; then
	jail=(unshare -r chroot "$root")
else
	echo "skip: neither root nor user namespaces for chroot"
	exit 77
fi
check "wfc runs from the tree alone" "${jail[@]}" /usr/bin/wfc --version
check "wfc compiles in the tree (libfyaml, libyaml, cJSON)" \
	sh -c "$(printf '%q ' "${jail[@]}") /usr/bin/wfc compile - < '$src/testdata/compile/hello-world.yaml'"
check "the static wrapper runs in the tree" "${jail[@]}" /usr/bin/wfc-exec exec \
	--termination-path /tmp/term -- /usr/bin/wfc --version
check "the wrapper wrote its report" grep -qx 'wfc-exec 1' "$root/tmp/term"
check "wfc install copies the wrapper" "${jail[@]}" /usr/bin/wfc install \
	--from /usr/bin/wfc-exec /tmp/wfc
check "the CA bundle is there" test -s "$root/etc/ssl/certs/ca-certificates.crt"
check "a non-root user exists" grep -q '^nonroot:x:65532:65532:' "$root/etc/passwd"
if command -v file >/dev/null; then
	check "wfc-exec is static" sh -c "file '$build/wfc-exec' | grep -q 'statically linked'"
fi
exit $fail
