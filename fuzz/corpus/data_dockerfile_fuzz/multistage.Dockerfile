# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static:nonroot@sha256:0123456789abcdef
COPY --from=builder --chown=65532:65532 /out/app /app
USER 65532:65532
EXPOSE 8080/tcp
ENTRYPOINT ["/app", "--listen=:8080"]
