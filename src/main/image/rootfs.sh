#!/usr/bin/env bash
# Builds the operating-system part of Leitstand's container image without any base image from a registry:
# a Java runtime made with jlink from the build JDK, the shared libraries it (and the native libraries inside
# the application's jars, e.g. OR-Tools) link against, copied from the build machine, and a minimal /etc.
# Jib then puts this directory under the application layers (base image "scratch").
#   src/main/image/rootfs.sh <output directory> <jar with native libraries the application loads>...
# Needs a Linux JDK with jmods (Debian: openjdk-17-jdk-headless / openjdk-17-jmods) and ldd.
set -euo pipefail

out="$1"
shift
native_jars=("$@")
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
uid=65532

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/data" "$out/lib64"

# The Java SE modules plus what Spring, Hibernate, POI and the JDBC drivers reach for at run time
# (Unsafe, elliptic-curve TLS, German locale data, ZIP file systems, JMX for metrics).
"$jdk/bin/jlink" --module-path "$jdk/jmods" \
	--add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs,jdk.management,jdk.charsets,jdk.naming.dns,jdk.net,jdk.jfr \
	--strip-debug --no-man-pages --no-header-files --compress=2 \
	--output "$out/opt/java"

# Native libraries the application unpacks at run time (OR-Tools for Linux x86-64), to find what they link against.
natives="$(mktemp -d)"
trap 'rm -rf "$natives"' EXIT
for jar in "${native_jars[@]}"; do
	[ -f "$jar" ] || { echo "missing: $jar" >&2; exit 1; }
	(cd "$natives" && unzip -q -o "$jar" '*.so*')
done

# Fonts for the charts the council report draws with Java2D: fontconfig (loaded by the JDK at run time, so
# invisible to ldd), its configuration and the font family the build machine uses for "sans-serif".
font_libs=""
font="$(fc-match -f '%{file}' sans-serif 2>/dev/null || true)"
if [ -n "$font" ] && [ -f "$font" ]; then
	mkdir -p "$out$(dirname "$font")"
	cp -L "$(dirname "$font")"/*.ttf "$out$(dirname "$font")/"
	cp -a /etc/fonts "$out/etc/"
	[ -d /usr/share/fontconfig ] && mkdir -p "$out/usr/share" && cp -a /usr/share/fontconfig "$out/usr/share/"
	font_libs="$(ldconfig -p | awk '/libfontconfig\.so\.1 .*x86-64/ { print $NF; exit }')"
else
	echo "warning: no sans-serif font found (fc-match); charts in the council report will lack text" >&2
fi

# Every shared library the runtime's and the natives' ELF files need, with the dynamic loader itself.
libraries="$( { find "$out/opt/java" "$natives" -type f \( -name '*.so*' -o -path '*/bin/*' \) -print; \
	for l in $font_libs; do echo "$l"; done; } \
	| xargs -r ldd 2>/dev/null \
	| awk '/=> \// { print $3 } /^\t\/.*ld-linux/ { print $1 }' | sort -u)"
for lib in $libraries $font_libs; do
	case "$lib" in "$out"/*|"$natives"/*) continue ;; esac
	target="$out$(dirname "$lib")"
	mkdir -p "$target"
	cp -L "$lib" "$target/"
done
# Debian keeps libraries in /lib/x86_64-linux-gnu and /usr/lib/x86_64-linux-gnu; the loader finds both by default.
ld="$(ls /lib64/ld-linux-x86-64.so.2 2>/dev/null || true)"
[ -n "$ld" ] && cp -L "$ld" "$out/lib64/"

# A user without privileges, name resolution for localhost, time zone and a writable /tmp (OR-Tools unpacks
# its native library there).
cat > "$out/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
leitstand:x:$uid:$uid:Leitstand:/data:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<GROUP
root:x:0:
leitstand:x:$uid:
GROUP
cat > "$out/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' > "$out/etc/hosts"
if [ -f /usr/share/zoneinfo/Europe/Berlin ]; then
	mkdir -p "$out/usr/share/zoneinfo/Europe"
	cp -L /usr/share/zoneinfo/Europe/Berlin "$out/usr/share/zoneinfo/Europe/"
	ln -sf /usr/share/zoneinfo/Europe/Berlin "$out/etc/localtime"
fi
# The name-service libraries glibc loads at run time for the lines above (not visible to ldd).
for nss in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
	for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu; do
		if [ -e "$dir/$nss" ]; then
			mkdir -p "$out$dir"
			cp -L "$dir/$nss" "$out$dir/"
			break
		fi
	done
done
chmod 1777 "$out/tmp"
echo "image root file system in $out: $(du -sh "$out" | cut -f1), $(echo "$libraries" | wc -w) shared libraries"
