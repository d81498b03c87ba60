#!/bin/sh
# tools/runtime-rootfs.sh WFC DIR: lays out the runtime image's whole file
# tree under DIR: the wfc program, every shared library it loads (as the
# build machine's dynamic loader resolves them), the loader itself, the
# static output wrapper wfc-exec (from beside WFC; `wfc install` copies it
# into steps' pods), the CA certificates, and a non-root user. The Dockerfile copies DIR into an empty
# image; tests/test_rootfs.sh runs wfc from DIR with nothing else, so an image
# built from it cannot miss a library.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: tools/runtime-rootfs.sh WFC DIR" >&2
	exit 2
fi
wfc=$1
root=$2
ca=${WFC_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

wrapper=$(dirname "$wfc")/wfc-exec
[ -x "$wfc" ] || { echo "runtime-rootfs: '$wfc' is not an executable" >&2; exit 1; }
[ -x "$wrapper" ] || { echo "runtime-rootfs: '$wrapper' is not an executable (build the wfc-exec target)" >&2; exit 1; }
[ -r "$ca" ] || { echo "runtime-rootfs: no CA bundle at '$ca' (install ca-certificates)" >&2; exit 1; }

mkdir -p "$root/usr/bin" "$root/etc/ssl/certs" "$root/tmp" "$root/home/nonroot"
chmod 1777 "$root/tmp"
cp "$wfc" "$root/usr/bin/wfc"
cp "$wrapper" "$root/usr/bin/wfc-exec"
cp "$ca" "$root/etc/ssl/certs/ca-certificates.crt"

# Each line of ldd names a library by path: "libx.so.1 => /lib/.../libx.so.1 (0x...)"
# or the loader alone: "/lib64/ld-linux-x86-64.so.2 (0x...)".
libs=$(ldd "$wfc" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
[ -n "$libs" ] || { echo "runtime-rootfs: ldd found no libraries for '$wfc'" >&2; exit 1; }
for lib in $libs; do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done

cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
chown -R 65532:65532 "$root/home/nonroot" 2>/dev/null || true
