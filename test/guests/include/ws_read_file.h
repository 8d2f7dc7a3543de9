/* Reading whole files through WASI, shared by the repository's test and
 * example guests (a test helper, not part of any public guest header). */
#ifndef WS_READ_FILE_H
#define WS_READ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads the whole file at `path` into a new buffer (never NULL for an empty
 * file) and stores its size in *length; NULL if it cannot be opened or the
 * memory runs out. Reads in chunks, so it also works on files that cannot seek. */
static inline uint8_t *read_file(const char *path, uint32_t *length) {
  FILE *file = fopen(path, "rb");
  if (file == NULL) return NULL;
  uint32_t capacity = 1 << 16, used = 0;
  uint8_t *bytes = malloc(capacity);
  size_t got;
  while (bytes != NULL && (got = fread(bytes + used, 1, capacity - used, file)) > 0) {
    used += (uint32_t)got;
    if (used == capacity) {
      uint8_t *grown = realloc(bytes, capacity *= 2);
      if (grown == NULL) free(bytes);
      bytes = grown;
    }
  }
  fclose(file);
  *length = used;
  return bytes;
}

/* read_file, or exits with status 2 after saying so on stderr. */
static inline uint8_t *read_file_or_exit(const char *path, uint32_t *length) {
  uint8_t *bytes = read_file(path, length);
  if (bytes == NULL) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  return bytes;
}

#endif
