#!/usr/bin/env bash
# Remakes the two pictures in the README's Formats section from examples/annual-plan.yaml:
# docs/screen.png, the HTML in a browser window, and docs/print.png, its first printed
# page. Needs chromium and poppler-utils (pdftoppm), as .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --release -- render examples/annual-plan.yaml -o "$work/plan.html"

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$1" "${@:2}" 2>/dev/null
}
chrome screen --window-size=1000,760 --force-device-scale-factor=0.6 \
  --hide-scrollbars --screenshot="$work/screen.png" "file://$work/plan.html"
chrome print --no-pdf-header-footer --print-to-pdf="$work/plan.pdf" "file://$work/plan.html"
pdftoppm -r 40 -png -f 1 -l 1 -singlefile "$work/plan.pdf" "$work/print"

cp "$work/screen.png" docs/screen.png
cp "$work/print.png" docs/print.png
ls -l docs/screen.png docs/print.png
