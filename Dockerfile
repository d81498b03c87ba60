# The runtime image: the wfc program (the coordinator's `wfc coordinate`,
# `wfc install` for steps' init containers), the static output wrapper, their
# libraries and CA certificates, in an otherwise empty image.
#
#   docker build -t ghcr.io/wfc-dev/wfc:0.1.0 .
#
# docs/running-in-cluster.md says how compiled workflows use it.
FROM debian:12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates cmake gcc libc6-dev make \
      pkg-config libfyaml-dev libyaml-dev libcjson-dev libcurl4-openssl-dev libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DWFC_TESTS=OFF \
 && cmake --build /build -j"$(nproc)" --target wfc wfc-exec \
 && strip /build/wfc /build/wfc-exec \
 && tools/runtime-rootfs.sh /build/wfc /rootfs

FROM scratch
COPY --from=build /rootfs/ /
USER 65532:65532
ENTRYPOINT ["/usr/bin/wfc"]
CMD ["coordinate"]
