#!/usr/bin/env bash
# Regenerates the viewer screenshots in docs/ (1280x800) from a run folder, with Debian's headless Chromium.
# Usage: docs/screenshots.sh [run folder]   (default: the newest run under runs/; make one with the main job)
set -euo pipefail
cd "$(dirname "$0")/.."
run=${1:-$(ls -td runs/*/ | head -1)}
run=${run%/}
id=$(basename "$run")
command -v chromium >/dev/null || { echo "install chromium: apt-get install chromium chromium-driver"; exit 1; }
dotnet build src/FutureSim.Cli -c Release -v quiet -nologo >/dev/null
out=$(mktemp)
src/FutureSim.Cli/bin/Release/net10.0/futuresim view "$run" --port 0 >"$out" 2>/dev/null &
viewer=$!
trap 'kill $viewer 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 100); do grep -q 'token=' "$out" && break; sleep 0.2; done
url=$(grep -o 'http://[^ ]*' "$out")
shoot() { # name route
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars --window-size=1280,800 \
    --virtual-time-budget=15000 --screenshot="docs/$1.png" "$url#$2" >/dev/null 2>&1
  rm -rf "$profile"
  echo "docs/$1.png  <- #$2"
}
shoot viewer-leaderboard "/run/$id"
shoot viewer-question "/run/$id/question/ff-0047"
shoot viewer-agent-day "/run/$id/agent/news-frequency/day/2025-05-30"
shoot viewer-compare "/compare?ra=$id&a=crowd&rb=$id&b=base-rate"
