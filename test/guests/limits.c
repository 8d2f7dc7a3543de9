/*
 * limits: a guest for the time and memory page limits (RuntimeOptions.timeLimitMs /
 * memoryPageLimit, ws run --time-limit / --memory-page-limit).
 *
 *   limits.wasm spin         prints "spinning", then loops forever in wasm code
 *   limits.wasm read-spin F  reads the file F into memory, prints "read <bytes>", then spins
 *   limits.wasm grow N...    prints memory 0's size in pages, then for each N the result of
 *                            memory.grow(N) (-1: refused) and the size after it
 *
 *   ws run --memory-page-limit 3 limits.wasm grow 1 1   ->  pages 2 / grow 1 = 2 (pages 3) / grow 1 = -1 (pages 3)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "spin") == 0) {
    printf("spinning\n");
    fflush(stdout);
    volatile unsigned long turns = 0;
    for (;;) turns++;
  }
  if (argc >= 3 && strcmp(argv[1], "read-spin") == 0) {
    FILE *file = fopen(argv[2], "rb");
    if (file == NULL) {
      perror(argv[2]);
      return 1;
    }
    size_t total = 0, got;
    char *data = NULL;
    do {
      data = realloc(data, total + (1 << 20));
      got = fread(data + total, 1, 1 << 20, file);
      total += got;
    } while (got > 0);
    fclose(file);
    printf("read %zu\n", total);
    fflush(stdout);
    volatile unsigned long turns = 0;
    for (;;) turns += (unsigned char)data[turns % (total ? total : 1)] + 1;
  }
  if (argc >= 2 && strcmp(argv[1], "grow") == 0) {
    printf("pages %lu\n", (unsigned long)__builtin_wasm_memory_size(0));
    for (int i = 2; i < argc; ++i) {
      long result = (long)__builtin_wasm_memory_grow(0, strtoul(argv[i], NULL, 10));
      printf("grow %s = %ld (pages %lu)\n", argv[i], result, (unsigned long)__builtin_wasm_memory_size(0));
    }
    return 0;
  }
  fprintf(stderr, "usage: limits.wasm spin | read-spin FILE | grow N...\n");
  return 2;
}
