// The compute guest with WebAssembly SIMD (128-bit) auto-vectorization.
// ws-guest-cflags: -msimd128
#include "sgemm_guest.h"
