// The compute example's guest program, compiled twice: sgemm.c (plain wasm)
// and sgemm_simd.c (-msimd128). Commands:
//   check            multiply two 2x2 matrices with the host function and in the guest
//   bench N [REPS]   N x N times N x N, best of REPS runs each way (default 3);
//                    prints times, the speedup and the largest difference
//   bad CASE         call the host function with bad arguments (oob, huge, overlap, negative)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../native/sgemm_blocked.h"

__attribute__((import_module("compute"), import_name("sgemm")))
void host_sgemm(int32_t m, int32_t n, int32_t k, const float *a, const float *b, float *c);

// Not inlined: V8 compiles a wasm function with its baseline compiler first
// and swaps in optimized code only for later calls, so the kernel must be a
// function of its own that is called repeatedly (the first call warms it up).
__attribute__((noinline)) static void guest_sgemm(uint32_t m, uint32_t n, uint32_t k, const float *a, const float *b,
                                                  float *c) {
  sgemm_blocked(m, n, k, a, b, c);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

// Deterministic values in [-1, 1) so every run multiplies the same matrices.
static void fill(float *values, size_t count, uint32_t seed) {
  uint32_t state = seed;
  for (size_t i = 0; i < count; ++i) {
    state = state * 1664525u + 1013904223u;
    values[i] = (float)(state >> 8) / 8388608.0f - 1.0f;
  }
}

static int check(void) {
  const float a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8};
  float host[4], guest[4];
  host_sgemm(2, 2, 2, a, b, host);
  guest_sgemm(2, 2, 2, a, b, guest);
  printf("host  [[%g, %g], [%g, %g]]\n", host[0], host[1], host[2], host[3]);
  printf("guest [[%g, %g], [%g, %g]]\n", guest[0], guest[1], guest[2], guest[3]);
  return memcmp(host, guest, sizeof host) == 0 ? 0 : 3;
}

static int bench(uint32_t n, int reps) {
  size_t count = (size_t)n * n;
  float *a = malloc(count * sizeof(float)), *b = malloc(count * sizeof(float));
  float *in_guest = malloc(count * sizeof(float)), *in_host = malloc(count * sizeof(float));
  if (!a || !b || !in_guest || !in_host) {
    fprintf(stderr, "out of memory for n=%u\n", (unsigned)n);
    return 1;
  }
  fill(a, count, 1);
  fill(b, count, 2);
  guest_sgemm(n, n, n, a, b, in_guest); // warm-up, not timed (see guest_sgemm)
  host_sgemm((int32_t)n, (int32_t)n, (int32_t)n, a, b, in_host);
  double guest_ms = 1e300, host_ms = 1e300;
  for (int r = 0; r < reps; ++r) {
    double t0 = now_ms();
    guest_sgemm(n, n, n, a, b, in_guest);
    double t1 = now_ms();
    host_sgemm((int32_t)n, (int32_t)n, (int32_t)n, a, b, in_host);
    double t2 = now_ms();
    if (t1 - t0 < guest_ms) guest_ms = t1 - t0;
    if (t2 - t1 < host_ms) host_ms = t2 - t1;
  }
  float max_diff = 0;
  for (size_t i = 0; i < count; ++i) {
    float d = in_guest[i] > in_host[i] ? in_guest[i] - in_host[i] : in_host[i] - in_guest[i];
    if (d > max_diff) max_diff = d;
  }
  printf("n=%u reps=%d guest_ms=%.3f host_ms=%.3f speedup=%.2f max_abs_diff=%g c00=%.6f\n", (unsigned)n, reps,
         guest_ms, host_ms, guest_ms / host_ms, max_diff, in_host[0]);
  return 0;
}

static int bad(const char *which) {
  static float a[4], b[4], c[4];
  if (strcmp(which, "oob") == 0) host_sgemm(2, 2, 2, a, b, (float *)(uintptr_t)0xFFFFFFF8u);
  else if (strcmp(which, "huge") == 0) host_sgemm(100000, 100000, 1, a, b, c);
  else if (strcmp(which, "negative") == 0) host_sgemm(-1, 2, 2, a, b, c);
  else if (strcmp(which, "overlap") == 0) host_sgemm(2, 2, 2, a, b, a);
  else return 2;
  printf("not trapped\n");
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "check") == 0) return check();
  if (argc > 2 && strcmp(argv[1], "bench") == 0) return bench((uint32_t)atoi(argv[2]), argc > 3 ? atoi(argv[3]) : 3);
  if (argc > 2 && strcmp(argv[1], "bad") == 0) return bad(argv[2]);
  fprintf(stderr, "usage: sgemm check | bench N [REPS] | bad oob|huge|negative|overlap\n");
  return 2;
}
