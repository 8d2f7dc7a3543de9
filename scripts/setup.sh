#!/usr/bin/env bash
# One-command set-up on Debian/Ubuntu with Node >= 20: system packages, pnpm,
# dependencies, native and TypeScript builds. Then runs the demo, unless
# --no-demo is given. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need_apt=()
# libclang-rt-dev: libFuzzer and the ASan/UBSan runtimes (scripts/fuzz.mjs, test/fuzz).
# libtorch-dev and python3-torch: the PyTorch wasi-nn backend and its TorchScript test models (~1.3 GB, ~4 min).
for pkg in clang lld wasi-libc libclang-rt-dev-wasm32 libclang-rt-dev cmake make g++ rustc libjpeg-dev libpng-dev libstb-dev libssl-dev qemu-user-static gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libtorch-dev python3-torch; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[ws] installing system packages: ${need_apt[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "12.4.2" ]; then
  echo "[ws] installing pnpm 12.4.2"
  # A Node from apt or NodeSource keeps global packages under /usr: that needs root.
  NPM_SUDO=""; [ -w "$(npm prefix -g)" ] || NPM_SUDO="$SUDO"
  $NPM_SUDO npm i -g pnpm@12.4.2
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
pnpm build

if [ "${1:-}" != "--no-demo" ]; then
  pnpm demo
fi
