/* Helpers shared by the @ws/image test guests (not part of the public
 * header): the shared read_file helpers and a checksum the tests compare
 * exactly. */
#ifndef WS_IMAGE_TEST_H
#define WS_IMAGE_TEST_H

#include <stdint.h>

#include "ws_read_file.h"

/* FNV-1a over bytes: a checksum the tests compare exactly. */
static inline uint32_t fnv1a(const uint8_t *bytes, uint32_t length) {
  uint32_t hash = 2166136261u;
  for (uint32_t i = 0; i < length; ++i) hash = (hash ^ bytes[i]) * 16777619u;
  return hash;
}

#endif
