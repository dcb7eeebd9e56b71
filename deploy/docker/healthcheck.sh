#!/bin/bash
# Container health check for a Quarkus service: GET /q/health/ready must answer 200.
# Plain bash (/dev/tcp), so the runtime image needs neither curl nor wget.
port="${QUARKUS_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ $status == *" 200"* ]]
