#!/bin/sh
# Verifies an audit export offline (no database, no build): JDK 17+ runs the single source file.
#   services/audit/verifier/verify-export.sh export.ndjson manifest.json [publicKeyBase64]
# Exit 0 = valid, 1 = invalid, 2 = usage/unreadable input.
exec java "$(dirname "$0")/ExportVerifier.java" "$@"
