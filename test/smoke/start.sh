#!/usr/bin/env bash
# Runs the README's start command on a throwaway embedded database and checks it serves, then stops cleanly.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${SMOKE_PORT:-3099}
data=$(mktemp -d /tmp/smt-smoke-XXXX)
chmod 755 "$data" # the embedded server runs as the postgres OS user when we are root
log="$data.log"
npm run build --silent
# The same as `npm start` after its build, without npm in between, so the signal reaches the service itself.
PORT=$port EMBEDDED_PG_PORT=${SMOKE_PG_PORT:-54399} EMBEDDED_PG_DIR="$data/pg" node_modules/.bin/node dist/src/main.js >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "smoke: the server exited"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health" | grep -q '"status":"ok"' || { cat "$log"; echo "smoke: /health not ok"; exit 1; }
# The start-up ends with one plain (non-JSON) line naming both URLs.
ready="Social Maturity API ready: GraphQL http://localhost:$port/graphql · dashboard http://localhost:$port/dashboard/"
grep -qxF "$ready" "$log" || { cat "$log"; echo "smoke: no plain ready line '$ready'"; exit 1; }
[ "$(grep -v '^{' "$log" | grep -v '^$' | tail -n 1)" = "$ready" ] || { cat "$log"; echo "smoke: the ready line is not the last plain line"; exit 1; }
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$port/")
[ "$location" = "302 http://127.0.0.1:$port/dashboard/" ] || { echo "smoke: GET / answered '$location', not a 302 to /dashboard/"; exit 1; }
curl -fs "http://127.0.0.1:$port/dashboard/" | grep -q '<title>' || { echo "smoke: /dashboard/ not served"; exit 1; }
body='{"query":"mutation { signUp(input: {email: \"smoke@example.test\", password: \"smoke-password\", name: \"Smoke\"}) { user { email } } }"}'
curl -fs -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$port/graphql" | grep -q 'smoke@example.test' \
  || { cat "$log"; echo "smoke: signUp failed"; exit 1; }
kill -TERM "$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "smoke: still running 30 s after SIGTERM"; exit 1; fi
grep -q '"msg":"stopped"' "$log" || { cat "$log"; echo "smoke: no clean stop"; exit 1; }
if pgrep -f "postgres -D $data/pg" >/dev/null; then echo "smoke: embedded PostgreSQL left running"; exit 1; fi
echo "smoke: 1 passed, 0 failed"
