#!/usr/bin/env bash
# Set up (first time only) with the test tools, build the narration, then run the whole suite headless.
# The narration is built with eSpeak NG only (--fast: about a minute); English already built by the neural voice
# (./run.sh) is kept. The tests of the neural voice build their own small projects.
set -euo pipefail
cd "$(dirname "$0")"
PIP_EXTRAS="[test]" EXTRA_APT_PACKAGES="liblo-tools systemd chromium chromium-driver faketime poppler-utils prometheus" source scripts/setup.sh
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1
.venv/bin/installation media build --fast || echo "test: narration build reported problems (the story tests will say which)" >&2
exec .venv/bin/python -m pytest -q "$@"
