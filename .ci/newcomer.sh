#!/usr/bin/env bash
# The newcomer check, run by .ci/run before the suite: what the README promises a new user on a
# clean machine. A fresh clone of the commit under test, `npm install`, `npm start` with its
# embedded defaults (SQLite, e-mails as .eml files), then the CMS's health, the admin page, the
# site's front page and the complaint form must answer, one complaint goes in through the site's
# form and its receipt must be written as .eml. Then everything is stopped and `npm start` is run
# a second time, which must build nothing. Prints how long the install and the starts took.
# Needs Node (as the README asks), git, curl, and Redis on 127.0.0.1:6379 (.ci/run starts it);
# ports 1337 and 4321 must be free (elsewhere than CI: set PORT and SITE_PORT as for npm start).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/borgerraadgiver-newcomer.XXXXXX")"
clone="$work/borgerraadgiver"
cms="http://localhost:${PORT:-1337}"
site="http://localhost:${SITE_PORT:-4321}"
install_timeout=1200 # seconds; from the registry, with native modules
start_timeout=2400   # seconds; the first start builds the admin panel
group=""             # the process group of the running `npm start`
log=""

say() { echo "newcomer: $*"; }

# Stops the whole process group of `npm start` (npm, the start script and the three processes):
# SIGTERM as Ctrl-C would, SIGKILL after 30 seconds.
stop_system() {
  [ -n "$group" ] || return 0
  kill -TERM -- "-$group" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 -- "-$group" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$group" 2>/dev/null || true
  group=""
}

cleanup() {
  local status=$?
  stop_system
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else say "kept $work for inspection"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  say "FAILED: $*" >&2
  if [ -n "$log" ] && [ -f "$log" ]; then
    echo "----- last 150 lines of $log -----" >&2
    tail -n 150 "$log" >&2
    echo "-----" >&2
  fi
  exit 1
}

# Waits until a URL answers 2xx and its body contains a text (if given), while `npm start` runs.
wait_for() {
  local what=$1 url=$2 text=$3 deadline=$4 body
  body="$work/body"
  until curl -fsS --max-time 10 -o "$body" "$url" 2>/dev/null && { [ -z "$text" ] || grep -qF -- "$text" "$body"; }; do
    kill -0 -- "-$group" 2>/dev/null || fail "npm start stopped before $what answered ($url)"
    [ "$SECONDS" -lt "$deadline" ] || fail "$what did not answer within the time limit ($url)"
    sleep 2
  done
}

# Starts `npm start` in its own process group, with no terminal and no stdin, logging to $1.
start_system() {
  log=$1
  setsid npm start >"$log" 2>&1 </dev/null &
  group=$!
}

# Waits for the CMS's health, the admin page, the front page and the complaint form.
wait_for_system() {
  local deadline=$((SECONDS + $1))
  wait_for "the CMS's health" "$cms/api/health" "" "$deadline"
  wait_for "the admin page" "$cms/admin" '<div id="strapi"' "$deadline"
  wait_for "the site's front page" "$site/" "<main" "$deadline"
  wait_for "the complaint form" "$site/klage" 'name="submissionKey"' "$deadline"
}

for url in "$cms" "$site"; do
  if curl -s --max-time 5 -o /dev/null "$url"; then fail "something already answers on $url; the check needs its port"; fi
done

say "fresh clone of $commit"
git clone --quiet "$repo" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
cd "$clone"

say "npm install"
log="$work/install.log"
started=$SECONDS
timeout "$install_timeout" npm install --no-audit --no-fund >"$log" 2>&1 || fail "npm install failed or took over $install_timeout s"
install_seconds=$((SECONDS - started))

say "npm start (first start: builds everything)"
started=$SECONDS
start_system "$work/start-1.log"
wait_for_system "$start_timeout"
first_start_seconds=$((SECONDS - started))

email="nybegynder-$RANDOM@example.org"
case_number="$(node "$repo/.ci/submit-complaint.mjs" "$site" "$email")" || fail "the complaint form did not take the complaint"
say "complaint $case_number submitted through $site/klage"
deadline=$((SECONDS + 120))
until receipt="$(grep -lsF "To: $email" .data/mail/*.eml)" && grep -q "^Subject: .*$case_number" "$receipt"; do
  [ "$SECONDS" -lt "$deadline" ] || fail "no receipt for $case_number to $email in .data/mail within 120 s"
  sleep 2
done
say "receipt written: .data/mail/$(basename "$receipt")"
stop_system

say "npm start again (must build nothing)"
started=$SECONDS
start_system "$work/start-2.log"
wait_for_system 300
second_start_seconds=$((SECONDS - started))
if grep -q '^Bygger ' "$log"; then fail "the second npm start built again: $(grep '^Bygger ' "$log" | tr '\n' ' ')"; fi
stop_system

say "passed: npm install ${install_seconds} s, first npm start ${first_start_seconds} s, second npm start ${second_start_seconds} s"
