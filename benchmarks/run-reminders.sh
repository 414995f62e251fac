#!/usr/bin/env bash
# Reminder engine benchmarks: dispatch throughput against a bare MailKit loop in the same run, timeliness of
# 10,000 reminders due at once under the real Quartz job, and reminder planning for 1,000 clients' deadlines.
# Release build; SMTP to an in-process sink on loopback (TCP_NODELAY); SQLite files in a temporary folder.
# Prints a Markdown report with the machine line and keeps it in benchmarks/results/.
#
# Arguments go to the benchmark, e.g. `throughput --rounds 5` or `timeliness --due 2000`; with none, all three
# scenarios run with the issue's sizes, plus the synchronous=NORMAL diagnostic run of the throughput scenario.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(--sync-normal)

echo "Building Release ..." >&2
dotnet build "$repo/benchmarks/Reminders/ReminderBenchmarks.csproj" -c Release -o "$build" --nologo -v quiet >&2

mkdir -p "$repo/benchmarks/results"
report="$repo/benchmarks/results/reminders-$stamp.md"
{
  echo "# Reminder engine benchmarks"
  echo
  echo "Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
    "Linux $(uname -r), .NET SDK $(dotnet --version)."
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ' (with uncommitted changes)'), arguments: ${args[*]}."
  echo
  dotnet "$build/ReminderBenchmarks.dll" "${args[@]}"
} | tee "$report"
echo "Report kept in $report" >&2
