#!/usr/bin/env bash
# The main job: shows the toolkit working end to end on this machine (loopback only).
# Run after scripts/build.sh. BUILD_DIR overrides the build directory (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BUILD_DIR:-build}/bin

echo "== remoting: client <-> server over 127.0.0.1 =="
"$bin/remoting_demo"
