# Cross-compiling native/ for linux-arm64-gnu on an x86_64 Debian/Ubuntu host
# (gcc-aarch64-linux-gnu, g++-aarch64-linux-gnu). Used by scripts/build-native-arm64.mjs:
#   WS_NATIVE_TOOLCHAIN=scripts/toolchains/aarch64-linux-gnu.cmake WS_NATIVE_BUILD_DIR=native/build-arm64 \
#   WS_NATIVE_ONLY=test-plugins,process node scripts/build-native.mjs
# The bridge addon links no Node library: Node-API symbols resolve when Node loads it.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
