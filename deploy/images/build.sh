#!/usr/bin/env bash
# OCI images of the five services (issue 20 item 5), built with Jib through quarkus-container-image-jib
# (Maven profile `images`); no Docker daemon is needed.
#   deploy/images/build.sh                       # offline: docker-archive tarballs in deploy/images/target/
#   deploy/images/build.sh --push REGISTRY/GROUP # where a registry is reachable: Quarkus' default base image, pushed
# Offline, the base image is a Debian bookworm root with openjdk-17-jre-headless made by debootstrap and
# handed to Jib as a tarball (container registries are unreachable here; INFRA-NOTES §8e); it needs root,
# the Debian mirror and the packages debootstrap, umoci and skopeo (installed when missing).
# Tag: the project version. Load a tarball with `docker load -i` / `podman load -i` or copy it with
# `skopeo copy docker-archive:<file> docker://<registry>/<name>:<tag>`.
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVICES=(institution-registry escrow-monitor enrolment fee-approval audit)
out="$PWD/deploy/images/target"
version=$(sed -n "s:.*<version>\(.*\)</version>.*:\1:p" pom.xml | head -1)
mkdir -p "$out"
./mvnw -B -q install -DskipTests -pl services/shared/kit,services/shared/test-kit -am

if [[ "${1:-}" == "--push" ]]; then
  registry="${2:?usage: build.sh --push REGISTRY/GROUP}"
  for s in "${SERVICES[@]}"; do
    ./mvnw -B -q package -Pimages -pl "services/$s" -DskipTests \
      -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
      -Dquarkus.container-image.registry="${registry%%/*}" \
      -Dquarkus.container-image.group="${registry#*/}" \
      -Dquarkus.container-image.name="$s" -Dquarkus.container-image.tag="$version"
  done
  exit 0
fi

base="$out/base-jre17.tar"
if [[ ! -s "$base" ]]; then
  for tool in debootstrap umoci skopeo; do
    command -v "$tool" > /dev/null || apt-get install -y --no-install-recommends debootstrap umoci skopeo
  done
  mirror=$(sed -n 's/^URIs: *//p; s/^deb \(http[^ ]*\).*/\1/p' /etc/apt/sources.list.d/* /etc/apt/sources.list 2>/dev/null | head -1 || true)
  work=$(mktemp -d)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" "${mirror:-http://deb.debian.org/debian}"
  (cd "$work" \
    && umoci init --layout base-oci && umoci new --image base-oci:17 \
    && umoci unpack --image base-oci:17 b && cp -a rootfs/. b/rootfs/ && umoci repack --image base-oci:17 b \
    && umoci config --image base-oci:17 --config.env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
         --config.env LANG=C.UTF-8 --architecture amd64 --os linux \
    && skopeo copy oci:base-oci:17 "docker-archive:$base:local/debian-jre17:17")
  rm -rf "$work"
fi

# Jib's Quarkus integration only pushes or `docker load`s: this stand-in answers Jib's `docker info`
# and keeps what it would have loaded.
standin="$out/docker-standin.sh"
cat > "$standin" << 'STANDIN'
#!/bin/sh
case "$1" in
  info) echo '{"OSType":"linux","Architecture":"x86_64"}' ;;
  load) cat > "$OVERSIGHT_IMAGE_TAR" && echo "Loaded image" ;;
esac
STANDIN
chmod +x "$standin"
for s in "${SERVICES[@]}"; do
  OVERSIGHT_IMAGE_TAR="$out/$s-$version.tar" ./mvnw -B -q package -Pimages -pl "services/$s" -DskipTests \
    -Dquarkus.container-image.build=true -Dquarkus.container-image.group=oversight \
    -Dquarkus.container-image.name="$s" -Dquarkus.container-image.tag="$version" \
    -Dquarkus.jib.base-jvm-image="tar://$base" -Dquarkus.jib.docker-executable-name="$standin"
  echo "$out/$s-$version.tar ($(du -h "$out/$s-$version.tar" | cut -f1))"
done
