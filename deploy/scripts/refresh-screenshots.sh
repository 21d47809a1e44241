#!/usr/bin/env bash
# Refreshes the tracked pictures in docs/screenshots/ (the README shows them) from the end-to-end journeys.
# A plain test run saves its screenshots to TestResults/screenshots/ (ignored by git); this command is the
# only one that writes docs/screenshots/, and only after the journeys passed.
#   deploy/scripts/refresh-screenshots.sh                          every end-to-end test
#   deploy/scripts/refresh-screenshots.sh --filter Name~Language   extra arguments go to `dotnet test`
# Needs the .NET SDK, Node/npm (the build) and Chromium (NORESS_CHROMIUM, default /usr/bin/chromium); the
# end-to-end tests run on their own temporary SQLite database, no other server.
set -euo pipefail
cd "$(dirname "$0")/../.."

configuration=${CONFIGURATION:-Release}
shots=$(mktemp -d -t noress-screenshots.XXXXXX)
trap 'rm -rf "$shots"' EXIT
export NORESS_CHROMIUM=${NORESS_CHROMIUM:-/usr/bin/chromium}
export NORESS_SCREENSHOTS=$shots

dotnet build tests/Noress.EndToEnd -c "$configuration" -nologo -v quiet
dotnet test tests/Noress.EndToEnd -c "$configuration" --no-build --nologo "$@"

shopt -s nullglob
taken=("$shots"/*.png)
((${#taken[@]})) || { echo "No screenshot was taken (is the filter too narrow?)" >&2; exit 1; }
mkdir -p docs/screenshots
cp "${taken[@]}" docs/screenshots/
echo "Copied ${#taken[@]} pictures into docs/screenshots/; changed:"
git status --short docs/screenshots/ 2>/dev/null | grep . || echo "  none (identical to the committed pictures)"
