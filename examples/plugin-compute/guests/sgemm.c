// The compute guest as plain WebAssembly (no SIMD). See include/sgemm_guest.h.
#include "sgemm_guest.h"
