#!/usr/bin/env bash
# HTTP benchmark of the public booking pages with half-full calendars, against the app's /health as the
# baseline of the same run. Release build, Production environment, loopback only, wrk for the load.
# The demo consultants' calendars are filled through the real booking form (every other free time), which
# also gives the serial booking rate. Prints a Markdown table and keeps it and the raw output in
# benchmarks/results/.
#
# Environment: DURATION of each loaded measurement (default 10s), SINGLE: one connection alone (default 5s).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
duration=${DURATION:-10s}
single=${SINGLE:-5s}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$repo/benchmarks/results/booking-$stamp"
work=$(mktemp -d)
app_pid=""

cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$results"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

echo "Building Release into $work ..."
dotnet publish "$repo/Consultancy.Web/Consultancy.Web.csproj" -c Release -o "$work/app" --nologo -v quiet

(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production App__BaseUrl=https://crm.bench.example \
  ConnectionStrings__Default="Data Source=$work/bench.db" Email__PickupDirectory="$work/mail" \
  DataProtection__KeysDirectory="$work/keys" Seed__Demo=true Seed__DemoPassword='Bench-Pass-2027!' \
  Booking__RateLimit__PermitLimit=1000000 Reminders__DispatchIntervalSeconds=3600 \
  dotnet Consultancy.Web.dll --urls http://127.0.0.1:0) >"$results/app-log.txt" 2>&1 &
app_pid=$!
base_url=""
for _ in $(seq 1 240); do
  base_url=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$results/app-log.txt" | head -1 | sed 's/Now listening on: //') || true
  if [[ -n "$base_url" && "$(curl -s -o /dev/null -w '%{http_code}' "$base_url/health")" == 200 ]]; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$results/app-log.txt"; echo "The app exited during start-up." >&2; exit 1; }
  sleep 0.5
done
[[ -n "$base_url" ]] || { echo "The app did not start." >&2; exit 1; }

# book SLOT_PATH N: books one free time through the form, as a visitor without scripts would.
book() {
  local jar="$work/jar" page="$work/form" token status
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" -o "$page" "$base_url$1"
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$page" | sed 's/.*value="//; s/"$//')
  local start=${1#*start=} action=${1%%\?*}
  start=${start%%&*}
  local tz=${1##*tz=}
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "StartUtc=$start" --data-urlencode "TimeZoneId=$tz" \
    --data-urlencode "FirstName=Bench" --data-urlencode "LastName=Visitor$2" --data-urlencode "Email=bench.visitor$2@applicant.test" \
    --data-urlencode "TargetSystem=0" --data-urlencode "MedicalSchoolCountry=India" --data-urlencode "GraduationYear=2022" \
    --data-urlencode "Topic=Benchmark booking" --data-urlencode "Website=" "$base_url$action")
  [[ "$status" == 302 ]] || { echo "Booking $1 answered $status." >&2; exit 1; }
}

echo "Filling every other free time of the demo consultants' calendars ..."
n=0
started=$(date +%s.%N)
for slug in maya-patel daniel-reyes; do
  mapfile -t slots < <(curl -sf "$base_url/book/$slug?tz=UTC" | grep -o 'href="/book/[^"]*/details?start=[^"]*"' | sed 's/href="//; s/"$//; s/&amp;/\&/g')
  for i in "${!slots[@]}"; do
    (( i % 2 == 0 )) || continue
    n=$((n + 1))
    book "${slots[i]}" "$n"
  done
done
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "Booked $n calls in ${elapsed}s (form page + post, one at a time)."

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) v /= 1000; else if (v !~ /ms$/) v *= 1000; printf "%.2f", v }'; }
table="$results/table.md"
{
  echo "Calls booked through the form: $n in ${elapsed}s ($(awk -v n="$n" -v t="$elapsed" 'BEGIN { printf "%.1f", n / t }') bookings/s, one visitor at a time)."
  echo
  echo "| Page | Requests/s (8 connections) | p50 (ms) | p99 (ms) | p50 alone (ms) |"
  echo "| --- | ---: | ---: | ---: | ---: |"
} >"$table"
measure() {
  local path=$1 out="$results/wrk-$(tr -cs 'a-z0-9' - <<<"$1").txt"
  wrk -t2 -c8 -d5s "$base_url$path" >/dev/null
  wrk -t2 -c8 -d"$duration" --latency "$base_url$path" >"$out"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then echo "$path had failed responses; see $out" >&2; exit 1; fi
  wrk -t1 -c1 -d"$single" --latency "$base_url$path" >"${out%.txt}-1-connection.txt"
  echo "| \`$path\` | $(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out") | $(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")") | $(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")") | $(to_ms "$(awk '$1 == "50%" { print $2 }' "${out%.txt}-1-connection.txt")") |" | tee -a "$table"
}
echo "Measuring ..."
measure /health
measure /book
measure "/book/maya-patel?tz=Asia%2FKolkata"
measure "/book/any?tz=Asia%2FKolkata"
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$table"
echo "Results in $results"
