#!/bin/sh
# Builds the plug-in with AddressSanitizer and UBSan into a temporary folder
# and runs the direct-call tests (every function, bad input included) and the
# every_function guest against it, with the sanitizer runtimes preloaded into
# Node. Usage (from packages/wasi-crypto, after the normal build):
#   sh scripts/sanitize.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
out=${TMPDIR:-/tmp}/wasi-crypto-sanitize
mkdir -p "$out"
node_include=$(dirname "$(dirname "$(command -v node)")")/include/node
for source in "$repo"/native/wasi-crypto/src/*.cpp; do
  g++ -std=c++17 -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fPIC \
    -DWASMEDGE_PLUGIN -DOPENSSL_API_COMPAT=30000 -DOPENSSL_NO_DEPRECATED \
    -I"$repo/native/include" -I"$node_include" -c "$source" -o "$out/$(basename "$source").o"
done
g++ -shared -fsanitize=address,undefined -o "$out/libwasmedgePluginWasiCrypto.so" "$out"/*.o \
  -L"$repo/native/build/host" -l:libwasmedge.so.0
preload="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)"
export ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1
export WS_WASI_CRYPTO_LIBRARY="$out/libwasmedgePluginWasiCrypto.so"
cd "$here"
LD_PRELOAD="$preload" npx vitest run test/bad-input.test.ts test/symmetric.test.ts test/asymmetric.test.ts test/every-function.test.ts
