/*
 * gas_compute: a compute-heavy guest for the gas meter (RuntimeOptions.gasLimit,
 * ws run --gas-limit / --enable-gas-measuring) and its benchmark.
 *
 *   gas_compute.wasm N ROUNDS   prints "sieve N", then the primes below N (a sieve) and an
 *                               FNV-1a checksum of the sieve repeated ROUNDS times
 *
 *   ws run gas_compute.wasm 1000 3  ->  sieve 1000 / primes 168 / checksum 7ef7b439
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint8_t Composite[1 << 20];

int main(int argc, char **argv) {
  unsigned N = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 1000;
  unsigned Rounds = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 1;
  if (N < 2 || N > sizeof Composite) {
    fprintf(stderr, "usage: gas_compute.wasm N ROUNDS (2 <= N <= %u)\n", (unsigned)sizeof Composite);
    return 2;
  }
  printf("sieve %u\n", N);
  fflush(stdout);
  unsigned Primes = 0;
  uint32_t Hash = 2166136261u;
  for (unsigned Round = 0; Round < Rounds; ++Round) {
    for (unsigned I = 0; I < N; ++I) Composite[I] = 0;
    Primes = 0;
    for (unsigned I = 2; I < N; ++I) {
      if (Composite[I]) continue;
      ++Primes;
      for (unsigned J = I * 2; J < N; J += I) Composite[J] = 1;
    }
    for (unsigned I = 0; I < N; ++I) Hash = (Hash ^ Composite[I]) * 16777619u;
  }
  printf("primes %u\nchecksum %08x\n", Primes, (unsigned)Hash);
  return 0;
}
