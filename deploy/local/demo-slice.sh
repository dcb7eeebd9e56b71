#!/usr/bin/env bash
# A guided tour of the institution-registry slice against a running local platform
# (deploy/local/platform up). See deploy/README.md.
#
#   1. password-grant tokens from Keycloak for operator-a, regulator-lishan, regulator-tiedong, auditor
#   2. operator-a applies for institution 8d5f3a0e-... (an application from an earlier run is read instead)
#   3. regulator-lishan tries to approve it: 403, problem+json naming REG-08
#   4. regulator-tiedong approves it with If-Match (skipped when an earlier run already approved it)
#   5. the auditor reads it
#   6. the CloudEvents of that institution on oversight.registry.events
#
# Needs bash, curl, sed, base64 and java. Uses jq when present; otherwise tokens are extracted with sed and
# JSON is pretty-printed by the launcher's Json class (DEMO_NO_JQ=1 forces that path).
# Safe to run again on the same state. Exit status 0 when every step answered as expected.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PLATFORM="$REPO/deploy/local/platform"
CLASSES="$REPO/deploy/local/target/classes"
KEYCLOAK="${KEYCLOAK_URL:-http://localhost:8180}"
REALM="$KEYCLOAK/realms/oversight"
API="${REGISTRY_URL:-http://localhost:8081}/api/v1/institution-applications"
INSTITUTION=8d5f3a0e-4b7c-4f1e-9a51-2f0c9d7e6a01 # operator-a's institution_id claim
TOPIC=oversight.registry.events

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
UNEXPECTED=0

HAVE_JQ=0
if [[ -z ${DEMO_NO_JQ:-} ]] && command -v jq >/dev/null 2>&1; then HAVE_JQ=1; fi

say() { printf '%s\n' "$*"; }
die() { printf 'demo-slice: %s\n' "$*" >&2; exit 1; }
step() { printf '\n=== %s\n' "$*"; }
indent() { sed 's/^/    /'; }

pretty() { # file -> pretty JSON on stdout (the raw text when it is not JSON)
  local f=$1
  [[ -s $f ]] || { say "    (empty body)"; return 0; }
  if ((HAVE_JQ)) && jq . "$f" 2>/dev/null; then
    return 0
  fi
  if [[ -f $CLASSES/cn/anshan/oversight/platform/local/Json.class ]] && command -v java >/dev/null 2>&1; then
    java -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$CLASSES" cn.anshan.oversight.platform.local.Json <"$f"
  else
    cat "$f"
    echo
  fi
}

json_string() { # file field -> first "field":"value" in a one-line JSON body (API bodies are compact)
  sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p" "$1" | head -1
}

expect() { # what-we-wanted
  if [[ $STATUS != "$1" ]]; then
    say "!!! expected HTTP $1, got $STATUS"
    UNEXPECTED=$((UNEXPECTED + 1))
  fi
}

# ------------------------------------------------------------------------------------------ tokens
declare -A TOKEN
get_token() { # user
  local user=$1 code tok
  code=$(curl -s -o "$TMP/token.json" -w '%{http_code}' "$REALM/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=oversight-cli -d "username=$user" -d "password=$user") || code=000
  [[ $code == 200 ]] || { cat "$TMP/token.json" >&2 2>/dev/null || true; die "token for $user: HTTP $code"; }
  if ((HAVE_JQ)); then
    tok=$(jq -r .access_token "$TMP/token.json")
  else
    tok=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$TMP/token.json")
  fi
  [[ -n $tok && $tok != null ]] || die "no access_token in the token response for $user"
  TOKEN[$user]=$tok
  # the claims the registry looks at, decoded from the JWT payload (base64url)
  local payload
  payload=$(cut -d. -f2 <<<"$tok" | tr '_-' '/+')
  while ((${#payload} % 4)); do payload+="="; done
  base64 -d <<<"$payload" >"$TMP/claims.json" 2>/dev/null || true
  claim() { sed -n "s/.*\"$1\":\(\"[^\"]*\"\|\[[^]]*\]\|{[^}]*}\).*/\1/p" "$TMP/claims.json" | head -1; }
  printf '  %-18s HTTP %s  token %4d chars  iss=%s aud=%s roles=%s' \
    "$user" "$code" "${#tok}" "$(claim iss)" "$(claim aud)" "$(claim realm_access | sed 's/{"roles"://; s/}$//')"
  local c v
  for c in district institution_id; do
    v=$(claim "$c")
    [[ -n $v ]] && printf ' %s=%s' "$c" "$v"
  done
  printf '\n'
}

# ---------------------------------------------------------------------------------------- requests
# call <as-user> <METHOD> <url> [header...] [-- body]; sets STATUS, ETAG, BODY (file)
call() {
  local user=$1 method=$2 url=$3
  shift 3
  local headers=() body="" h
  while (($#)); do
    if [[ $1 == -- ]]; then body=$2; break; fi
    headers+=("$1")
    shift
  done
  say ">>> $method $url    (as $user)"
  local args=(-s -X "$method" -H "Authorization: Bearer ${TOKEN[$user]}" -D "$TMP/headers" -o "$TMP/body")
  for h in "${headers[@]}"; do
    args+=(-H "$h")
    say "    $h"
  done
  if [[ -n $body ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$body")
    say "    Content-Type: application/json"
    say "    $body"
  fi
  STATUS=$(curl "${args[@]}" -w '%{http_code}' "$url") || STATUS=000
  tr -d '\r' <"$TMP/headers" >"$TMP/headers.txt" 2>/dev/null || : >"$TMP/headers.txt"
  say "<<< HTTP $STATUS"
  grep -iE '^(location|etag|content-type|idempotent-replayed|www-authenticate):' "$TMP/headers.txt" | indent || true
  ETAG=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' "$TMP/headers.txt" | head -1)
  BODY="$TMP/body"
  pretty "$BODY" | indent
}

# -------------------------------------------------------------------------------------------- tour
say "Institution-registry slice: a guided tour ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
say "  Keycloak $KEYCLOAK, registry $API, institution $INSTITUTION"
say "  JSON tooling: $( ((HAVE_JQ)) && echo jq || echo 'sed + the launcher Json class (no jq)')"

step "0. Is the platform up?"
kc=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$REALM/.well-known/openid-configuration" || true)
reg=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "${REGISTRY_URL:-http://localhost:8081}/q/health/ready" || true)
say "  keycloak realm oversight: HTTP $kc    institution-registry /q/health/ready: HTTP $reg"
[[ $kc == 200 && $reg == 200 ]] || die "the platform is not up; run: deploy/local/platform up"

step "1. Password-grant tokens (client oversight-cli)"
for u in operator-a regulator-lishan regulator-tiedong auditor; do get_token "$u"; done

step "2. operator-a applies for its institution"
APPLICATION='{"name":"Anshan Robotics Club","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH","mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS","studentStages":["PRIMARY","JUNIOR_SECONDARY"],"premisesAreaSqm":320.5,"maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"capital verification report 2026-0001"}}'
call operator-a POST "$API" "Idempotency-Key: demo-slice-$(date +%s)-$$" -- "$APPLICATION"
case $STATUS in
  201) say "--> applied; version $ETAG" ;;
  409)
    say "--> an application from an earlier run exists; reading it (its ETag is what a decision must match)"
    call operator-a GET "$API/$INSTITUTION"
    expect 200 ;;
  *) expect 201; die "cannot go on without an application" ;;
esac
APP_STATUS=$(json_string "$BODY" status)
APP_ETAG=$ETAG # the version operator-a's answer showed; both regulators send it as If-Match
say "--> status $APP_STATUS, ETag $APP_ETAG"
[[ -n $APP_ETAG ]] || die "no ETag"

step "3. regulator-lishan (district lishan) tries to approve a tiedong application"
call regulator-lishan POST "$API/$INSTITUTION/approval" "If-Match: $APP_ETAG"
expect 403
if grep -q 'REG-08' "$BODY"; then say "--> refused, naming REG-08"; else
  say "!!! the answer does not name REG-08"
  UNEXPECTED=$((UNEXPECTED + 1))
fi

step "4. regulator-tiedong (district tiedong) approves with If-Match: $APP_ETAG"
case $APP_STATUS in
  APPLIED)
    call regulator-tiedong POST "$API/$INSTITUTION/approval" "If-Match: $APP_ETAG"
    expect 200
    say "--> status $(json_string "$BODY" status), new ETag $ETAG, supervisor $(json_string "$BODY" supervisorId)" ;;
  APPROVED) say "--> skipped: an earlier run already approved it (approving again would be 409 application-decided)" ;;
  *)
    say "!!! unexpected status $APP_STATUS"
    UNEXPECTED=$((UNEXPECTED + 1)) ;;
esac

step "5. The auditor reads it"
call auditor GET "$API/$INSTITUTION"
expect 200
say "--> status $(json_string "$BODY" status), ETag $ETAG, decided at $(json_string "$BODY" decidedAt)"

step "6. CloudEvents of institution $INSTITUTION on $TOPIC"
say ">>> deploy/local/platform events $TOPIC --max 50 --timeout 10 --key $INSTITUTION"
if ! "$PLATFORM" events "$TOPIC" --max 50 --timeout 10 --key "$INSTITUTION" 2>&1; then
  say "!!! platform events failed"
  UNEXPECTED=$((UNEXPECTED + 1))
fi

step "Done"
if ((UNEXPECTED)); then
  say "$UNEXPECTED step(s) did not answer as expected (marked !!! above)"
  exit 1
fi
say "every step answered as expected"
