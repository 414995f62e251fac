#!/usr/bin/env bash
# HTTP load benchmark of the pages a consultant opens most (the client list, the dashboard and the pipeline
# board) with 50,000 clients and 500,000 deadlines, against the app's /health as the baseline of the same
# run. Release build, Production environment, loopback only, wrk for the load.
# Prints a Markdown table and keeps it, the raw wrk output and the app logs in benchmarks/results/.
#
# Environment: CLIENTS (default 50000), DEADLINES per client (default 10), SEEDED: a database the seeder made
# earlier with the same CLIENTS and DEADLINES (copied, so it stays untouched; seeding takes minutes), DURATION
# of each measurement (default 15s), WARMUP of each
# scenario before any is measured (default 5s), SINGLE: how long each is then loaded by one
# connection alone (default 5s), also with the list totals counted on every request.
# POSTGRES: an Npgsql connection string to a PostgreSQL server (no Database); the app then runs on a fresh
# database there, dropped at the end, and SEEDED names a database on that server to copy (CREATE DATABASE ...
# TEMPLATE) instead of a SQLite file.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
clients=${CLIENTS:-50000}
deadlines=${DEADLINES:-10}
duration=${DURATION:-15s}
warmup=${WARMUP:-5s}
single=${SINGLE:-5s}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$repo/benchmarks/results/client-list-$stamp"
work=$(mktemp -d)
app_pid=""

# The seeder creates these accounts (benchmarks/ClientListSeeder/BenchmarkAccounts.cs and the demo consultants).
password='Bench-Pass-2027!'
admin=admin@bench.local
consultant=consultant1@example.com
search_term=okafor
filter='stage=Applied&system=ErasNrmp'
# Counts every selected client's invites in their season: the client list's most expensive question.
invites='fewerInvitesThan=3&sort=FewestInvites'

stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
# On PostgreSQL: psql's settings from the Npgsql connection string, and the benchmark's own database.
postgres=${POSTGRES:-}
database="client_list_${stamp,,}"
if [[ -n "$postgres" ]]; then
  command -v psql >/dev/null || { echo "POSTGRES is set but psql is missing (apt-get install postgresql-client)." >&2; exit 1; }
  IFS=';' read -ra settings <<<"$postgres"
  for setting in "${settings[@]}"; do
    key=${setting%%=*} key=${key,,} key=${key// /}
    value=${setting#*=} value=${value# } value=${value% }
    case "$key" in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      username|user|userid) export PGUSER=$value ;;
      password|pwd) export PGPASSWORD=$value ;;
      "") ;;
      *) echo "POSTGRES: the benchmark does not pass '$key' on to psql; use Host, Port, Username and Password." >&2; exit 1 ;;
    esac
  done
  export PGDATABASE=postgres
fi
cleanup() {
  stop_app
  [[ -n "$postgres" ]] && psql -q -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1
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

if [[ -n "$postgres" ]]; then
  store="PostgreSQL $(psql -Atc 'SHOW server_version'), database $database"
  app_database=(Database__Provider=PostgreSql ConnectionStrings__Default="$postgres;Database=$database")
  if [[ -n "${SEEDED:-}" ]]; then
    echo "Copying the seeded database $SEEDED ..."
    psql -q -c "CREATE DATABASE \"$database\" TEMPLATE \"$SEEDED\""
  else
    echo "Seeding $clients clients with $deadlines deadlines each ..."
    dotnet "$work/seeder/ClientListSeeder.dll" "$postgres;Database=$database" "$clients" "$deadlines"
  fi
  # What autovacuum would have done by the time a real database held this many rows: planner statistics and a
  # visibility map, without which counts cannot use index-only scans.
  psql -q -d "$database" -c "VACUUM ANALYZE"
else
  store="SQLite file"
  app_database=(ConnectionStrings__Default="Data Source=$work/bench.db")
  if [[ -n "${SEEDED:-}" ]]; then
    echo "Copying the seeded database $SEEDED ..."
    cp "$SEEDED" "$work/bench.db"
  else
    echo "Seeding $clients clients with $deadlines deadlines each ..."
    dotnet "$work/seeder/ClientListSeeder.dll" "$work/bench.db" "$clients" "$deadlines"
  fi
fi

# start_app LOG [extra app arguments]: starts the published app in Production on a free loopback port
# and sets base_url once /health answers 200.
start_app() {
  local log=$1; shift
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production App__BaseUrl=https://crm.bench.example "${app_database[@]}" \
    Email__PickupDirectory="$work/mail" \
    dotnet Consultancy.Web.dll --urls http://127.0.0.1:0 "$@") >"$log" 2>&1 &
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

# sign_in EMAIL: prints the Cookie header value of a fresh session. Fresh matters: the app revalidates
# a session's security stamp once it is a minute old, and wrk never stores the renewed cookie.
sign_in() {
  local jar="$work/jar-$1" token
  rm -f "$jar"
  token=$(curl -sf -c "$jar" -b "$jar" "$base_url/Identity/Account/Login" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  [[ -n "$token" ]] || { echo "No antiforgery token on the login page." >&2; exit 1; }
  curl -sf -o /dev/null -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base_url/Identity/Account/Login"
  local cookie
  cookie=$(awk -F'\t' '$6 ~ /^Consultancy\.Auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  [[ -n "$cookie" ]] || { echo "Signing in as $1 set no session cookie." >&2; exit 1; }
  echo "$cookie"
}

# fetch PATH COOKIE EXPECTED: fails unless PATH answers 200 (not a redirect to sign-in) with EXPECTED in the body.
fetch() {
  local body="$work/body" status header=()
  [[ -n "$2" ]] && header=(-H "Cookie: $2")
  status=$(curl -s -o "$body" -w '%{http_code}' "${header[@]}" "$base_url$1")
  if [[ "$status" != 200 ]] || ! grep -q "$3" "$body"; then
    echo "$1 answered $status without '$3'; the numbers would be meaningless." >&2
    exit 1
  fi
}

# last_page COOKIE: the page count of the user's client list, read from the pager of page 1.
last_page() {
  fetch /Clients "$1" 'table-clients'
  grep -o 'Page 1 of [0-9,]*' "$work/body" | sed 's/Page 1 of //; s/,//g'
}

# to_ms VALUE: wrk's latency (850.00us, 12.34ms, 1.02s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) v /= 1000; else if (v !~ /ms$/) v *= 1000; printf "%.2f", v }'
}

# The scenarios, in parallel arrays; a user's deep page is the last page of their list.
scenario_names=() scenario_users=() scenario_paths=()
add_scenarios() {
  local user cookie pages
  for user in "$admin" "$consultant"; do
    cookie=$(sign_in "$user")
    pages=$(last_page "$cookie")
    scenario_names+=("page 1" "deep page" "search" "filter" "invites" "dashboard" "board")
    scenario_users+=("$user" "$user" "$user" "$user" "$user" "$user" "$user")
    scenario_paths+=("/Clients" "/Clients?page=$pages" "/Clients?search=$search_term" "/Clients?$filter" "/Clients?$invites" "/" "/Board")
  done
}

expected_content() {
  case "$1" in
    /health) echo Healthy ;;
    /) echo figure-overdue ;;
    /Board) echo board-column ;;
    *) echo table-clients ;;
  esac
}

table="$results/table.md"
{
  echo "| Scenario | User | Path | Requests/s | p50 (ms) | p99 (ms) | p50 alone (ms) | p99 alone (ms) | p50 alone, counting (ms) | SQL queries |"
  echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$table"
declare -A queries repeat_queries counting_ms

# Pass 1: how many SQL commands one request runs, counted in EF's command log with nothing else running.
# First with the list totals counted on every request (what a first view, or one after a change, runs),
# then as configured (a repeat view within the totals' lifetime).
executed() { sleep 0.5; grep -c 'Executed DbCommand' "$query_log" || true; }
count_queries() {
  local path=$1 cookie=$2 before
  fetch "$path" "$cookie" "$(expected_content "$path")" # first hit compiles the query; not counted
  before=$(executed)
  fetch "$path" "$cookie" "$(expected_content "$path")"
  echo $(( $(executed) - before ))
}
echo "Counting SQL queries per request ..."
query_log="$results/app-query-log.txt"
start_app "$query_log" --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information --Caseload:TotalsCacheSeconds=0
add_scenarios
queries[/health]=$(count_queries /health "")
for i in "${!scenario_paths[@]}"; do
  cookie=$(sign_in "${scenario_users[i]}")
  queries["${scenario_users[i]} ${scenario_paths[i]}"]=$(count_queries "${scenario_paths[i]}" "$cookie")
done
# What a session more than a minute old costs once: the cookie middleware revalidates its security stamp.
stale_cookie=$(sign_in "$admin")
sleep 61
stale_queries=$(count_queries /Clients "$stale_cookie")
stop_app
query_log="$results/app-query-log-kept-totals.txt"
start_app "$query_log" --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information
repeat_queries[/health]=$(count_queries /health "")
for i in "${!scenario_paths[@]}"; do
  cookie=$(sign_in "${scenario_users[i]}")
  repeat_queries["${scenario_users[i]} ${scenario_paths[i]}"]=$(count_queries "${scenario_paths[i]}" "$cookie")
done
stop_app

# Pass 2: load, with the app logging as configured for Production. Every scenario is loaded once before
# any is measured: a cold process (tiered JIT, GC heap sizing) answers several times slower for a while.
start_app "$results/app-log.txt"
echo "Warming up ..."
wrk -t2 -c8 -d"$warmup" "$base_url/health" >/dev/null
for i in "${!scenario_paths[@]}"; do
  cookie=$(sign_in "${scenario_users[i]}")
  wrk -t2 -c8 -d"$warmup" -H "Cookie: $cookie" "$base_url${scenario_paths[i]}" >/dev/null
done
# other_cpu: how busy the machine is over 5 s while the benchmark sends nothing. Anything else running
# skews every figure, so the table records it.
cpu_sample() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; }
other_cpu() {
  local busy1 idle1 busy2 idle2
  read -r busy1 idle1 < <(cpu_sample)
  sleep 5
  read -r busy2 idle2 < <(cpu_sample)
  echo "$(( 100 * (busy2 - busy1) / (busy2 - busy1 + idle2 - idle1) ))%"
}
other_before=$(other_cpu)
echo "Measuring ..."
measure() {
  local name=$1 user=$2 path=$3 cookie=$4 key=$5 out
  local header=()
  [[ -n "$cookie" ]] && header=(-H "Cookie: $cookie")
  fetch "$path" "$cookie" "$(expected_content "$path")"
  out="$results/wrk-$(tr -cs "a-z0-9" - <<<"$name")${user%%@*}.txt"
  wrk -t2 -c8 -d"$duration" --latency "${header[@]}" "$base_url$path" >"$out"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then echo "$path had failed responses; see $out" >&2; exit 1; fi
  # One connection at a time: the request's own cost, without queueing behind the other seven.
  wrk -t1 -c1 -d"$single" --latency "${header[@]}" "$base_url$path" >"${out%.txt}-1-connection.txt"
  local rps p50 p99 p50_alone p99_alone
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  p50_alone=$(to_ms "$(awk '$1 == "50%" { print $2 }' "${out%.txt}-1-connection.txt")")
  p99_alone=$(to_ms "$(awk '$1 == "99%" { print $2 }' "${out%.txt}-1-connection.txt")")
  rows+=("| $name | $user | \`$path\` | $rps | $p50 | $p99 | $p50_alone | $p99_alone | @COUNTING@ | ${queries[$key]} first view, ${repeat_queries[$key]} repeat |")
  echo "${rows[-1]}"
}
# measure_counting NAME USER PATH COOKIE KEY: one connection alone, with the app counting every total.
measure_counting() {
  local name=$1 user=$2 path=$3 cookie=$4 key=$5 out
  local header=()
  [[ -n "$cookie" ]] && header=(-H "Cookie: $cookie")
  fetch "$path" "$cookie" "$(expected_content "$path")"
  out="$results/wrk-$(tr -cs "a-z0-9" - <<<"$name")${user%%@*}-1-connection-counting.txt"
  wrk -t1 -c1 -d"$warmup" "${header[@]}" "$base_url$path" >/dev/null
  wrk -t1 -c1 -d"$single" --latency "${header[@]}" "$base_url$path" >"$out"
  counting_ms[$key]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
}
rows=()
measure "health (baseline)" anonymous /health "" /health
for i in "${!scenario_paths[@]}"; do
  cookie=$(sign_in "${scenario_users[i]}")
  measure "${scenario_names[i]}" "${scenario_users[i]}" "${scenario_paths[i]}" "$cookie" "${scenario_users[i]} ${scenario_paths[i]}"
done
other_after=$(other_cpu)
stop_app

# Pass 3: one connection alone with the list totals counted on every request, as on a first view or right
# after a client changed.
echo "Measuring with totals counted on every request ..."
start_app "$results/app-log-counting.txt" --Caseload:TotalsCacheSeconds=0
counting_ms[/health]="–"
for i in "${!scenario_paths[@]}"; do
  cookie=$(sign_in "${scenario_users[i]}")
  measure_counting "${scenario_names[i]}" "${scenario_users[i]}" "${scenario_paths[i]}" "$cookie" "${scenario_users[i]} ${scenario_paths[i]}"
done
stop_app
keys=(/health)
for i in "${!scenario_paths[@]}"; do keys+=("${scenario_users[i]} ${scenario_paths[i]}"); done
for i in "${!rows[@]}"; do
  echo "${rows[i]/@COUNTING@/${counting_ms[${keys[i]}]}}" >>"$table"
done

{
  echo
  echo "SQL queries: EF Core commands logged for one request with a fresh session: a first view (totals counted"
  echo "on every request) and a repeat view within the totals' lifetime. A session older than a minute costs one"
  echo "request $stale_queries queries on /Clients (first view; security stamp revalidation), then the renewed cookie is fresh again."
  echo
  echo "Load: wrk -t2 -c8 -d$duration --latency, after $warmup of load on every scenario, on loopback, on the app's machine;"
  echo "Alone: wrk -t1 -c1 -d$single right after; counting: the same with Caseload:TotalsCacheSeconds=0, after $warmup of it."
  echo "CPU busy with other work while the benchmark idled: $other_before just before measuring, $other_after just after."
  echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM,"
  echo "Linux $(uname -r), .NET SDK $(dotnet --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Store: $store."
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $clients clients, $((clients * deadlines)) deadlines, commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ' (with uncommitted changes)')."
} >>"$table"

echo
cat "$table"
echo
echo "Results kept in $results"
