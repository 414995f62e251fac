#!/usr/bin/env bash
# Regenerates the README's screenshots in docs/screenshots/ from a demo-seeded app:
#   bash docs/screenshots/regenerate.sh
# Starts the app (Development, demo data, a throwaway SQLite file and mail folder in a temporary directory, a free
# loopback port), signs in through the real login form with Debian's chromium (/usr/bin/chromium) driven by
# Screenshots.cs, captures every page at 1280x900 and stops the app. Takes about five minutes: the last screenshot
# waits for the demo's first reminders, which go out a few minutes after the first start. The PNGs are replaced
# only when every screenshot was taken.
#
# Environment: SCREENSHOTS_PORT, the loopback port for the app (default: any free port).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target="$repo/docs/screenshots"
port=${SCREENSHOTS_PORT:-0}
work=$(mktemp -d)
app_pid=""

cleanup() {
  # The app runs in its own process group (setsid), so `dotnet run` and the app it started stop together.
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM -- "-$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -x /usr/bin/chromium ]] || { echo "Debian's chromium is needed at /usr/bin/chromium (apt-get install chromium)." >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building the screenshot script ..."
dotnet build "$target/Screenshots.cs" -v quiet -nologo >/dev/null

admin_email="admin@example.com"
admin_password="Screens-Admin-2027!"
demo_password="Screens-Demo-2027!"

echo "Starting the app with demo data ..."
(cd "$repo" && exec setsid env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Default="Data Source=$work/app.db" Email__PickupDirectory="$work/mail" \
  DataProtection__KeysDirectory="$work/keys" Imports__Directory="$work/imports" \
  Admin__Email="$admin_email" Admin__Password="$admin_password" \
  Seed__Demo=true Seed__DemoPassword="$demo_password" Reminders__DispatchIntervalSeconds=5 \
  dotnet run --project Consultancy.Web --no-launch-profile) >"$work/app.log" 2>&1 &
app_pid=$!

base_url=""
for _ in $(seq 1 600); do
  base_url=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$work/app.log" | head -1 | sed 's/Now listening on: //') || true
  if [[ -n "$base_url" && "$(curl -s -o /dev/null -w '%{http_code}' "$base_url/health")" == 200 ]]; then break; fi
  base_url=""
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "The app exited during start-up." >&2; exit 1; }
  sleep 0.5
done
[[ -n "$base_url" ]] || { tail -n 50 "$work/app.log"; echo "The app did not answer /health." >&2; exit 1; }
echo "The app answers on $base_url; taking screenshots ..."

if ! SCREENSHOTS_ADMIN_EMAIL="$admin_email" SCREENSHOTS_ADMIN_PASSWORD="$admin_password" SCREENSHOTS_DEMO_PASSWORD="$demo_password" \
  SCREENSHOTS_MAIL_DIR="$work/mail" dotnet run --no-build "$target/Screenshots.cs" -- "$base_url" "$work/shots"; then
  tail -n 50 "$work/app.log"
  echo "Taking the screenshots failed; docs/screenshots/ is unchanged." >&2
  exit 1
fi

cp "$work/shots/"*.png "$target/"
echo "Updated $(ls "$work/shots" | wc -l) screenshots in docs/screenshots/."
