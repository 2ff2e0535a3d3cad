#!/usr/bin/env bash
# Sets up everything the kiosk needs on a fresh Debian/Ubuntu machine with Python 3.11:
# the system packages it can't work without, a virtual environment in .venv, and the project in it.
# Sourced by run.sh and test.sh; safe to run again (it only does what is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
APT_PACKAGES=(python3-venv ${EXTRA_APT_PACKAGES:-})

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root (or sudo) to install: ${APT_PACKAGES[*]}" >&2; return 1; fi
}

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing system packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)${PIP_EXTRAS:+-test}
if [ ! -e "$stamp" ]; then
  echo "setup: installing the project and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${PIP_EXTRAS:-}"
  touch "$stamp"
fi
# Byte-compile the project (pip does it for the installed libraries; an editable checkout would otherwise be compiled
# again at every start when bytecode is not written: PYTHONDONTWRITEBYTECODE, a read-only folder).
.venv/bin/python -m compileall -q -j 0 installation >/dev/null
