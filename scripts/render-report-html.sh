#!/bin/sh
# Renders an HTML report in headless Chromium (Debian package `chromium`) and saves a screenshot,
# to check by eye that the page and its inline SVG charts look right without any network access.
#
#   scripts/render-report-html.sh REPORT.html [SCREENSHOT.png] [WIDTHxHEIGHT]
set -eu
input=${1:?usage: render-report-html.sh REPORT.html [SCREENSHOT.png] [WIDTHxHEIGHT]}
output=${2:-${input%.html}.png}
size=${3:-1100x2600}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "render-report-html: no Chromium found; install it with: apt-get install -y chromium" >&2
    exit 1
fi
case $input in /*) absolute=$input ;; *) absolute=$(pwd)/$input ;; esac
case $output in /*) ;; *) output=$(pwd)/$output ;; esac
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: containers often lack the namespaces the sandbox needs. The proxy settings make
# any network fetch fail, so a page that needs the network shows it.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
    --window-size="$(echo "$size" | tr x ,)" --screenshot="$output" "file://$absolute" 2>/dev/null
echo "$output"
