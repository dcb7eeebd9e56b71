#!/bin/sh
# Verifies an audit export or a consistency proof offline (no database, no build, no trust in the
# service): JDK 17+ runs the single source file.
#   services/audit/verifier/verify-export.sh export.ndjson manifest.json KEYS [--since kept-checkpoint.json]
#   services/audit/verifier/verify-export.sh --consistency consistency.json KEYS kept-checkpoint.json
# KEYS: the public key the auditor trusts (base64), or a file with it, or a saved GET /api/v1/audit/keys.
# Exit 0 = valid, 1 = invalid, 2 = usage/unreadable input.
exec java "$(dirname "$0")/ExportVerifier.java" "$@"
