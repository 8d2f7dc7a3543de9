/*
 * Blocked single-precision matrix multiply, C = A * B (row-major; A is M x K,
 * B is K x N, C is M x N). The SAME source is compiled into the plug-in (gcc
 * -O3, native code) and into the guest (clang --target=wasm32-wasi -O2, with
 * and without -msimd128), so the benchmark compares compilers and engines on
 * one algorithm, not two algorithms.
 *
 * Each C[i][j] sums A[i][k] * B[k][j] for k = 0, 1, ..., K-1 in that order
 * whatever the blocking, and no fused multiply-add is used (the plug-in is
 * built with -ffp-contract=off; wasm has no FMA), so both builds produce
 * bit-identical results.
 */
#ifndef SGEMM_BLOCKED_H
#define SGEMM_BLOCKED_H

#include <stddef.h>
#include <stdint.h>

/* Tile sizes: a K-panel of B (SGEMM_BLOCK_K rows x SGEMM_BLOCK_N floats = 128 KiB)
 * stays in L2 while every row of A streams past it. */
#define SGEMM_BLOCK_K 128u
#define SGEMM_BLOCK_N 256u

static inline uint32_t sgemm_min(uint32_t a, uint32_t b) { return a < b ? a : b; }

/* One row of C, columns [J0, J1), over k in [K0, K1). */
static inline void sgemm_row(uint32_t N, uint32_t K, uint32_t K0, uint32_t K1, uint32_t J0, uint32_t J1,
                             const float *restrict ARow, const float *restrict B, float *restrict CRow) {
  for (uint32_t Kk = K0; Kk < K1; ++Kk) {
    const float AValue = ARow[Kk];
    const float *restrict BRow = B + (size_t)Kk * N;
    for (uint32_t J = J0; J < J1; ++J) CRow[J] += AValue * BRow[J];
  }
}

/* Four rows of C at once: each B element loaded is used four times. */
static inline void sgemm_rows4(uint32_t N, uint32_t K, uint32_t K0, uint32_t K1, uint32_t J0, uint32_t J1,
                               const float *restrict A, const float *restrict B, float *restrict C) {
  float *restrict C0 = C, *restrict C1 = C + N, *restrict C2 = C + 2 * (size_t)N, *restrict C3 = C + 3 * (size_t)N;
  for (uint32_t Kk = K0; Kk < K1; ++Kk) {
    const float A0 = A[Kk], A1 = A[K + Kk], A2 = A[2 * (size_t)K + Kk], A3 = A[3 * (size_t)K + Kk];
    const float *restrict BRow = B + (size_t)Kk * N;
    for (uint32_t J = J0; J < J1; ++J) {
      const float BValue = BRow[J];
      C0[J] += A0 * BValue;
      C1[J] += A1 * BValue;
      C2[J] += A2 * BValue;
      C3[J] += A3 * BValue;
    }
  }
}

static inline void sgemm_blocked(uint32_t M, uint32_t N, uint32_t K, const float *restrict A,
                                 const float *restrict B, float *restrict C) {
  for (size_t I = 0; I < (size_t)M * N; ++I) C[I] = 0.0f;
  for (uint32_t K0 = 0; K0 < K; K0 += SGEMM_BLOCK_K) {
    const uint32_t K1 = sgemm_min(K0 + SGEMM_BLOCK_K, K);
    for (uint32_t J0 = 0; J0 < N; J0 += SGEMM_BLOCK_N) {
      const uint32_t J1 = sgemm_min(J0 + SGEMM_BLOCK_N, N);
      uint32_t I = 0;
      for (; I + 4 <= M; I += 4) sgemm_rows4(N, K, K0, K1, J0, J1, A + (size_t)I * K, B, C + (size_t)I * N);
      for (; I < M; ++I) sgemm_row(N, K, K0, K1, J0, J1, A + (size_t)I * K, B, C + (size_t)I * N);
    }
  }
}

#endif /* SGEMM_BLOCKED_H */
