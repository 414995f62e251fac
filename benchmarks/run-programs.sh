#!/usr/bin/env bash
# Program directory search at 10,000 programs, one connection, Release, Production, against the app's /health as
# the baseline of the same run. Seeds a fresh SQLite database with ClientListSeeder (the demo data and PROGRAMS
# made-up programs), signs in as a consultant, checks each page, then loads each scenario with wrk.
# Prints a Markdown table and keeps it and the raw wrk output in benchmarks/results/.
#
# Environment: PROGRAMS (default 10000), DURATION of each measurement (default 10s), WARMUP of each (default 5s).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
programs=${PROGRAMS:-10000}
duration=${DURATION:-10s}
warmup=${WARMUP:-5s}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$repo/benchmarks/results/programs-$stamp"
work=$(mktemp -d)
app_pid=""

# The seeder's accounts (benchmarks/ClientListSeeder/BenchmarkAccounts.cs and the demo consultants).
password='Bench-Pass-2027!'
consultant=consultant1@example.com

cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
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

echo "Seeding $programs programs ..."
dotnet "$work/seeder/ClientListSeeder.dll" "$work/bench.db" 0 0 "$programs"

log="$results/app.log"
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$work/bench.db" App__BaseUrl=https://crm.bench.example \
  Email__PickupDirectory="$work/mail" dotnet Consultancy.Web.dll --urls http://127.0.0.1:0) >"$log" 2>&1 &
app_pid=$!
base_url=""
for _ in $(seq 1 120); do
  base_url=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //') || true
  if [[ -n "$base_url" && "$(curl -s -o /dev/null -w '%{http_code}' "$base_url/health")" == 200 ]]; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$log"; echo "The app exited during start-up." >&2; exit 1; }
  sleep 0.5
done

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

names=("/health (baseline)" "Directory, first page" "Text search" "Filtered search")
paths=("/health" "/Programs" "/Programs?search=lakeside"
       "/Programs?specialty=Internal%20Medicine&state=OH&visa=J1&minImgShare=30")
expect=("Healthy" "table-programs" "table-programs" "table-programs")

rows=()
for i in "${!paths[@]}"; do
  cookie=""
  [[ "${paths[i]}" != /health ]] && cookie=$(sign_in "$consultant")
  header=()
  [[ -n "$cookie" ]] && header=(-H "Cookie: $cookie")
  fetch "${paths[i]}" "$cookie" "${expect[i]}"
  count=$(grep -o '[0-9,]* program(s)' "$work/body" | head -1 || true)
  wrk -t1 -c1 -d"$warmup" "${header[@]}" "$base_url${paths[i]}" >/dev/null
  out="$results/wrk-$i.txt"
  wrk -t1 -c1 -d"$duration" --latency "${header[@]}" "$base_url${paths[i]}" >"$out"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then echo "${paths[i]} had failed responses; see $out" >&2; exit 1; fi
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  rows+=("| ${names[i]} | \`${paths[i]}\` | ${count:-—} | $p50 | $p99 | $rps |")
  echo "${rows[-1]}"
done

{
  echo "Program directory at $programs programs (SQLite file), $(date -u +%Y-%m-%d), $(nproc) vCPU, $(uname -r), .NET SDK $(dotnet --version)."
  echo "wrk -t1 -c1 -d$duration --latency after $warmup of the same, on loopback, signed in as a consultant."
  echo
  echo "| Scenario | Path | Programs found | p50 ms | p99 ms | req/s |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$results/table.md"
