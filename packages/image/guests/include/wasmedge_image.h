/* Imports of module wasmedge_image, for the guests of @ws/image. */
#ifndef WS_GUEST_WASMEDGE_IMAGE_H
#define WS_GUEST_WASMEDGE_IMAGE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define WASMEDGE_IMAGE_IMPORT(name) __attribute__((import_module("wasmedge_image"), import_name(#name)))

/* Output types (out_type). */
enum { IMAGE_RGB8 = 0, IMAGE_BGR8 = 1, IMAGE_RGB32F = 2, IMAGE_BGR32F = 3 };

/* (in_ptr, in_len, out_w, out_h, out_type, out_ptr, out_len) -> errno */
typedef int32_t (*image_load_fn)(const void *, uint32_t, uint32_t, uint32_t, uint32_t, void *, uint32_t);
/* Legacy: (in_ptr, in_len, out_w, out_h, out_ptr) -> errno */
typedef int32_t (*image_legacy_fn)(const void *, uint32_t, uint32_t, uint32_t, void *);

WASMEDGE_IMAGE_IMPORT(load_jpg) int32_t image_load_jpg(const void *, uint32_t, uint32_t, uint32_t, uint32_t, void *, uint32_t);
WASMEDGE_IMAGE_IMPORT(load_png) int32_t image_load_png(const void *, uint32_t, uint32_t, uint32_t, uint32_t, void *, uint32_t);
WASMEDGE_IMAGE_IMPORT(load_image) int32_t image_load_image(const void *, uint32_t, uint32_t, uint32_t, uint32_t, void *, uint32_t);

/* Legacy functions of the archived WasmEdge-image module. */
#define WASMEDGE_IMAGE_LEGACY(name) \
  WASMEDGE_IMAGE_IMPORT(wasmedge_image_##name) int32_t wasmedge_image_##name(const void *, uint32_t, uint32_t, uint32_t, void *)
WASMEDGE_IMAGE_LEGACY(load_jpg_to_rgb8);
WASMEDGE_IMAGE_LEGACY(load_jpg_to_bgr8);
WASMEDGE_IMAGE_LEGACY(load_jpg_to_rgb32f);
WASMEDGE_IMAGE_LEGACY(load_jpg_to_bgr32f);
WASMEDGE_IMAGE_LEGACY(load_png_to_rgb8);
WASMEDGE_IMAGE_LEGACY(load_png_to_bgr8);
WASMEDGE_IMAGE_LEGACY(load_png_to_rgb32f);
WASMEDGE_IMAGE_LEGACY(load_png_to_bgr32f);

/* Raw-offset variants of load_image, for calls with pointers the C type
 * system would not allow (out of range, wrapping). */
WASMEDGE_IMAGE_IMPORT(load_image) int32_t image_load_image_raw(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

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
