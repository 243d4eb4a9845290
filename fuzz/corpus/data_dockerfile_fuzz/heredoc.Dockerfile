# syntax=docker/dockerfile:1.7
FROM debian:12-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
rm -rf /var/lib/apt/lists/*
EOF
COPY <<-"CONF" /etc/app/app.conf
	listen = 0.0.0.0:8080
	log = "json"
	CONF
RUN <<A cat > /a && 3<<B cat > /b
first
A
second
B
CMD ["/usr/bin/curl", "--version"]
