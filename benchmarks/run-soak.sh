#!/usr/bin/env bash
# Soak test: the app (Release build, Production environment) under mixed traffic from six signed-in users for
# MINUTES (default 30), with new applicants' reminders falling due and going out to a loopback SMTP server
# throughout. Passes only with no wrong answer, every due reminder sent exactly once and none failed; reports
# latency per step and the app's working set over time. Keeps the report and the app log in benchmarks/results/.
#
# Environment: MINUTES (default 30), CLIENTS already in the database (default 5000, 10 deadlines each).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${MINUTES:-30}
clients=${CLIENTS:-5000}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$repo/benchmarks/results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$results"

echo "Building Release into $work ..."
dotnet publish "$repo/Consultancy.Web/Consultancy.Web.csproj" -c Release -o "$work/app" --nologo -v quiet
dotnet publish "$repo/benchmarks/ClientListSeeder/ClientListSeeder.csproj" -c Release -o "$work/seeder" --nologo -v quiet
dotnet publish "$repo/benchmarks/Soak/Soak.csproj" -c Release -o "$work/soak" --nologo -v quiet

echo "Seeding $clients clients with 10 deadlines each ..."
dotnet "$work/seeder/ClientListSeeder.dll" "$work/soak.db" "$clients" 10

report="$results/soak-$stamp.md"
status=0
dotnet "$work/soak/Soak.dll" "$work/app" "$work/soak.db" "$report" "$minutes" || status=$?
{
  echo
  echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM,"
  echo "Linux $(uname -r), .NET SDK $(dotnet --version). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Database: $clients clients with 10 deadlines each, plus the demo data. Commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ' (with uncommitted changes)')."
} >>"$report"
echo "Report: $report"
exit "$status"
