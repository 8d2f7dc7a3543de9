/* Helpers shared by the @ws/image test guests (not part of the public
 * header): reading a file and a checksum the tests compare exactly. */
#ifndef WS_IMAGE_TEST_H
#define WS_IMAGE_TEST_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file; exits with status 2 and a message on failure. */
static inline uint8_t *read_file(const char *path, uint32_t *length) {
  FILE *file = fopen(path, "rb");
  if (!file) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  uint32_t capacity = 1 << 16, used = 0;
  uint8_t *bytes = malloc(capacity);
  size_t got;
  while (bytes && (got = fread(bytes + used, 1, capacity - used, file)) > 0) {
    used += (uint32_t)got;
    if (used == capacity) bytes = realloc(bytes, capacity *= 2);
  }
  fclose(file);
  if (!bytes) {
    fprintf(stderr, "out of memory reading %s\n", path);
    exit(2);
  }
  *length = used;
  return bytes;
}

/* FNV-1a over bytes: a checksum the tests compare exactly. */
static inline uint32_t fnv1a(const uint8_t *bytes, uint32_t length) {
  uint32_t hash = 2166136261u;
  for (uint32_t i = 0; i < length; ++i) hash = (hash ^ bytes[i]) * 16777619u;
  return hash;
}

#endif
