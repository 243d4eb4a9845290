FROM alpine:3.19
ENV PATH=/opt/bin:$PATH LANG=C.UTF-8 \
    GREETING="hello world" QUOTED='single $quoted' ESCAPED=a\ b
ENV LEGACY value with   spaces
ARG VERSION
ARG BUILD_DATE= TARGETARCH=amd64
LABEL "org.opencontainers.image.title"="demo" version=1.0 \
# a comment inside the continuation

      maintainer="team@example.com"
MAINTAINER Jane Doe <jane@example.com>
STOPSIGNAL SIGTERM
VOLUME ["/data", "/logs"]
