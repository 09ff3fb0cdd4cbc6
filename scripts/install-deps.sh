#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only if something is missing.
# Non-interactive (CI has no stdin); uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libsqlitecpp-dev libsqlite3-dev libgl1-mesa-dev
  libqt6svg6 desktop-file-utils
  poppler-utils
  openssl
  xvfb xauth
  libsystemd-dev prometheus
  clang llvm libclang-rt-14-dev lld
  wrk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
