#!/usr/bin/env bash
# Smoke test of the built bundle: packaging/smoke_test.sh [BUNDLE_FOLDER]
# (default dist/backprop-playground). Runs the bundle's executable, not Python:
#   1. --version prints "backprop-playground X.Y.Z", exit 0
#   2. a headless lesson run writes the figures and summary.json, exit 0
#   3. --screenshot draws the window offscreen, exit 0, a PNG
#   4. the window without a display: exit 2 and a line naming QT_QPA_PLATFORM=offscreen
# Exits non-zero at the first failure.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bundle="${1:-$here/dist/backprop-playground}"
exe="$bundle/backprop-playground"
[ -x "$exe" ] || exe="$bundle/backprop-playground.exe"
[ -x "$exe" ] || { echo "smoke test: no executable in $bundle (build it first)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# the bundle's own settings and autosave, not the user's
export HOME="$out/home" XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data"
export BACKPROP_PLAYGROUND_DATA_DIR="$out/app"
mkdir -p "$HOME"

fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

echo "1. --version"
version="$("$exe" --version)"
echo "   $version"
[[ "$version" =~ ^backprop-playground\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "--version printed '$version'"

echo "2. headless lesson run"
"$exe" --lesson xor-hidden --steps 50 --export-dir "$out/OUT"
[ -s "$out/OUT/summary.json" ] || fail "no summary.json"
figures=$(find "$out/OUT" -name '*.png' | wc -l)
[ "$figures" -ge 3 ] || fail "only $figures figures written"
echo "   $figures figures + summary.json in OUT"

echo "3. window screenshot (offscreen)"
QT_QPA_PLATFORM=offscreen "$exe" --screenshot "$out/window.png" --size 1280x800 --no-recovery
[ -s "$out/window.png" ] || fail "no screenshot"
head -c 8 "$out/window.png" | od -An -c | grep -q "P   N   G" || fail "screenshot is not a PNG"
echo "   window.png written"

echo "4. window without a display"
set +e
message="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --no-recovery 2>&1)"
status=$?
set -e
[ "$status" -eq 2 ] || fail "exit status $status without a display (expected 2)"
[[ "$message" == *"QT_QPA_PLATFORM=offscreen"* ]] || fail "message does not name QT_QPA_PLATFORM=offscreen: $message"
echo "   exit 2: $message"

echo "smoke test passed ($bundle, $(du -sh "$bundle" | cut -f1))"
