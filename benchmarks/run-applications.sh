#!/usr/bin/env bash
# A client's applications page with APPLICATIONS applications (default 250, fit badges, letters and scores included)
# in a directory of PROGRAMS programs (default 10,000), one connection, Release, Production, against the app's /health
# as the baseline of the same run. Seeds a fresh SQLite database with ClientListSeeder (the demo data, the programs,
# and one applicant of consultant1@example.com applying to that many of them), signs in as that consultant, counts the
# SQL commands one view of each page runs, then loads each scenario with wrk.
# Prints a Markdown table and keeps it, the raw wrk output and the app logs in benchmarks/results/.
#
# Environment: APPLICATIONS (default 250), PROGRAMS (default 10000), DURATION of each measurement (default 10s),
# WARMUP of each (default 5s).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
applications=${APPLICATIONS:-250}
programs=${PROGRAMS:-10000}
duration=${DURATION:-10s}
warmup=${WARMUP:-5s}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$repo/benchmarks/results/applications-$stamp"
work=$(mktemp -d)
app_pid=""

# The seeder's accounts (benchmarks/ClientListSeeder/BenchmarkAccounts.cs and the demo consultants).
password='Bench-Pass-2027!'
consultant=consultant1@example.com

stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  app_pid=""
}
cleanup() {
  stop_app
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$results"
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "Building Release into $work ..."
dotnet publish "$repo/Consultancy.Web/Consultancy.Web.csproj" -c Release -o "$work/app" --nologo -v quiet
dotnet publish "$repo/benchmarks/ClientListSeeder/ClientListSeeder.csproj" -c Release -o "$work/seeder" --nologo -v quiet

echo "Seeding $programs programs and a client with $applications applications ..."
dotnet "$work/seeder/ClientListSeeder.dll" "$work/bench.db" 0 0 "$programs" "$applications" | tee "$results/seeder.txt"
client=$(sed -n 's/^Applications client: //p' "$results/seeder.txt")
[[ -n "$client" ]] || { echo "The seeder did not say which client has the applications." >&2; exit 1; }

# start_app LOG [ARGS...]: the published app in Production on a free loopback port, waiting for /health.
start_app() {
  local log=$1; shift
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$work/bench.db" \
    App__BaseUrl=https://crm.bench.example Email__PickupDirectory="$work/mail" dotnet Consultancy.Web.dll --urls http://127.0.0.1:0 "$@") >"$log" 2>&1 &
  app_pid=$!
  base_url=""
  for _ in $(seq 1 120); do
    base_url=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //') || true
    if [[ -n "$base_url" && "$(curl -s -o /dev/null -w '%{http_code}' "$base_url/health")" == 200 ]]; then return; fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$log"; echo "The app exited during start-up." >&2; exit 1; }
    sleep 0.5
  done
  echo "The app did not answer /health within a minute." >&2
  exit 1
}

# sign_in EMAIL: the Cookie header value of a fresh session (wrk never stores a renewed cookie).
sign_in() {
  local jar="$work/jar-$1" token
  rm -f "$jar"
  token=$(curl -sf -c "$jar" -b "$jar" "$base_url/Identity/Account/Login" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  [[ -n "$token" ]] || { echo "No antiforgery token on the login page." >&2; exit 1; }
  curl -sf -o /dev/null -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base_url/Identity/Account/Login"
  awk -F'\t' '$6 ~ /^Consultancy\.Auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# fetch PATH COOKIE EXPECTED: fails unless PATH answers 200 with EXPECTED in the body (never a sign-in redirect).
fetch() {
  local status header=()
  [[ -n "$2" ]] && header=(-H "Cookie: $2")
  status=$(curl -s -o "$work/body" -w '%{http_code}' "${header[@]}" "$base_url$1")
  if [[ "$status" != 200 ]] || ! grep -q "$3" "$work/body"; then
    echo "$1 answered $status without '$3'; the numbers would be meaningless." >&2
    exit 1
  fi
}

to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else printf "%.2f", v * 1000 }'
}

names=("/health (baseline)" "Applications page" "Applications page, one status")
paths=("/health" "/Applications/Index/$client" "/Applications/Index/$client?status=Interviewed")
expect=("Healthy" "Broadapplicant's applications" "Broadapplicant's applications")

# Pass 1: the SQL commands one view runs (the sign-in session check included), counted in EF's command log. The
# app's background jobs also query now and then, so each path is counted three times and the fewest kept.
query_log="$results/app-query-log.txt"
start_app "$query_log" --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information
executed() { sleep 0.5; grep -c 'Executed DbCommand' "$query_log" || true; }
queries=()
for i in "${!paths[@]}"; do
  cookie=""
  [[ "${paths[i]}" != /health ]] && cookie=$(sign_in "$consultant")
  fetch "${paths[i]}" "$cookie" "${expect[i]}" # the first view compiles the queries; not counted
  fewest=""
  for _ in 1 2 3; do
    before=$(executed)
    fetch "${paths[i]}" "$cookie" "${expect[i]}"
    count=$(( $(executed) - before ))
    [[ -z "$fewest" || "$count" -lt "$fewest" ]] && fewest=$count
  done
  queries+=("$fewest")
done
stop_app

# other_cpu: how busy the machine is over 5 s while the benchmark sends nothing. Anything else running skews every
# figure, so the table records it.
cpu_sample() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; }
other_cpu() {
  local busy1 idle1 busy2 idle2
  read -r busy1 idle1 < <(cpu_sample)
  sleep 5
  read -r busy2 idle2 < <(cpu_sample)
  echo "$(( 100 * (busy2 - busy1) / (busy2 - busy1 + idle2 - idle1) ))%"
}

# Pass 2: load, with the app logging as configured for Production.
start_app "$results/app-log.txt"
other_before=$(other_cpu)
rows=()
for i in "${!paths[@]}"; do
  cookie=""
  [[ "${paths[i]}" != /health ]] && cookie=$(sign_in "$consultant")
  header=()
  [[ -n "$cookie" ]] && header=(-H "Cookie: $cookie")
  fetch "${paths[i]}" "$cookie" "${expect[i]}"
  shown=$(grep -c 'name="applicationIds"' "$work/body" || true)
  badges=$(grep -c 'class="list-inline fit-badges' "$work/body" || true)
  wrk -t1 -c1 -d"$warmup" "${header[@]}" "$base_url${paths[i]}" >/dev/null
  out="$results/wrk-$i.txt"
  wrk -t1 -c1 -d"$duration" --latency "${header[@]}" "$base_url${paths[i]}" >"$out"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then echo "${paths[i]} had failed responses; see $out" >&2; exit 1; fi
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  rows+=("| ${names[i]} | \`${paths[i]}\` | $shown | $badges | $p50 | $p99 | $rps | ${queries[i]} |")
  echo "${rows[-1]}"
done

other_after=$(other_cpu)

{
  echo "Applications page: $applications applications of one client, $programs programs (SQLite file), $(date -u +%Y-%m-%d), commit $(git -C "$repo" rev-parse --short HEAD)."
  echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -r), .NET SDK $(dotnet --version)."
  echo "wrk -t1 -c1 -d$duration --latency after $warmup of the same, on loopback, signed in as $consultant."
  echo "CPU busy with other work while the benchmark idled: $other_before just before measuring, $other_after just after; load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| Scenario | Path | Rows | Fit badge lists | p50 ms | p99 ms | req/s | SQL queries |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "$results/table.md"
