/*
 * Internal types of the wasmedge_image plug-in: decoded pictures, decoder
 * requests and the status codes the pipeline passes around.
 */
#ifndef WS_IMAGE_IMAGE_H
#define WS_IMAGE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Output layouts (`out_type` of the host functions), values of WasmEdge's
 * DataType enum. */
enum ws_image_data_type {
  WS_IMAGE_RGB8 = 0,
  WS_IMAGE_BGR8 = 1,
  WS_IMAGE_RGB32F = 2,
  WS_IMAGE_BGR32F = 3
};

/* Default refusal threshold for declared image dimensions (width * height),
 * checked from the file header before any pixel buffer is allocated. */
#define WS_IMAGE_DEFAULT_MAX_PIXELS UINT64_C(100000000)

/* The resizer's working buffer may not exceed this many bytes. */
#define WS_IMAGE_MAX_RESIZE_BUFFER (UINT64_C(1) << 30)

/* Settings read from the plug-in options when a module instance is created. */
typedef struct ws_image_config {
  bool F32Gamma;      /* f32 outputs are (v/255)^2.2 instead of v/255 */
  uint64_t MaxPixels; /* refuse images whose declared width*height exceeds this */
} ws_image_config;

/* A decoded picture: 8-bit RGB, interleaved, rows without padding. */
typedef struct ws_rgb8_image {
  uint8_t *Pixels; /* malloc'ed, Width*Height*3 bytes */
  uint32_t Width;
  uint32_t Height;
} ws_rgb8_image;

typedef enum ws_image_status {
  WS_IMAGE_OK = 0,
  WS_IMAGE_UNKNOWN_FORMAT, /* no decoder recognises the signature */
  WS_IMAGE_CORRUPT,        /* the decoder rejected the data (truncated, bad CRC, ...) */
  WS_IMAGE_TOO_LARGE,      /* declared dimensions above the pixel limit */
  WS_IMAGE_NO_MEMORY
} ws_image_status;

/* What the caller wants from a decoder. */
typedef struct ws_decode_request {
  const uint8_t *Data;
  size_t Length;
  uint64_t MaxPixels;
  /* The size the picture will be resized to. A decoder that can shrink while
   * decoding (JPEG DCT scaling) may return any size that is still at least
   * this large in both directions. 0 = full size. */
  uint32_t MinWidth;
  uint32_t MinHeight;
} ws_decode_request;

void ws_rgb8_image_free(ws_rgb8_image *Image);

/* True when width*height is within the limit (and neither is zero). */
bool ws_image_dimensions_allowed(uint64_t Width, uint64_t Height, uint64_t MaxPixels);

#endif /* WS_IMAGE_IMAGE_H */
