// Benchmark guest: reads FILE once, then calls load_image ITERATIONS times
// into WIDTHxHEIGHT of TYPE and prints each call's duration in nanoseconds
// (WASI monotonic clock), one per line. Exit code 1 if any call fails.
// Usage: decode_loop FILE ITERATIONS WIDTH HEIGHT TYPE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <wasmedge_image.h>

#include "image_test.h"

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: decode_loop FILE ITERATIONS WIDTH HEIGHT TYPE\n");
    return 2;
  }
  uint32_t length;
  uint8_t *input = read_file_or_exit(argv[1], &length);
  const int iterations = atoi(argv[2]);
  const uint32_t width = (uint32_t)atoi(argv[3]), height = (uint32_t)atoi(argv[4]), type = (uint32_t)atoi(argv[5]);
  const uint32_t output_length = width * height * 3 * (type >= 2 ? 4 : 1);
  uint8_t *output = malloc(output_length);
  for (int i = 0; i < iterations; ++i) {
    long long started = now_ns();
    int32_t errno_value = image_load_image(input, length, width, height, type, output, output_length);
    long long elapsed = now_ns() - started;
    if (errno_value != 0) {
      fprintf(stderr, "load_image failed with errno %d\n", errno_value);
      return 1;
    }
    printf("%lld\n", elapsed);
  }
  printf("fnv1a=%08x\n", fnv1a(output, output_length));
  return 0;
}
