#!/usr/bin/env bash
# Set up (first time only), build narration if anything changed, and start the kiosk full screen.
# Arguments go to `installation play`, e.g. ./run.sh --windowed  or  ./run.sh --config config/butterfly-voices.yaml
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
.venv/bin/installation media build || echo "run: some narration could not be built (listed above); those scenes play silently with captions" >&2
exec .venv/bin/installation play "$@"
