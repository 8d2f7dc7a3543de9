/*
 * Separable resize of an 8-bit RGB picture into the guest's output buffer.
 *
 * Filters follow stb_image_resize2 (what WasmEdge >= 0.15 uses): per axis, the
 * same size is a copy, upscaling uses Catmull-Rom, downscaling Mitchell-
 * Netravali (B = C = 1/3) widened by the scale factor (so downscaling is
 * antialiased: every source pixel contributes), pixel centres at +0.5, edges
 * clamped. Work is done in float; u8 results are rounded and clamped.
 */
#ifndef WS_IMAGE_RESIZE_H
#define WS_IMAGE_RESIZE_H

#include "image.h"

typedef struct ws_resize_target {
  uint8_t *Destination; /* Width*Height*3 samples, u8 or little-endian f32, any alignment */
  uint32_t Width;
  uint32_t Height;
  bool Float;        /* f32 samples (else u8, rounded and clamped to 0..255) */
  bool SwapRedBlue;  /* BGR order */
  /* Maps each 8-bit source sample to the working value, e.g. v, v/255 or
   * (v/255)^2.2. The filter runs on these values. */
  const float *SampleTable; /* 256 entries */
} ws_resize_target;

ws_image_status ws_resize(const ws_rgb8_image *Source, const ws_resize_target *Target);

#endif /* WS_IMAGE_RESIZE_H */
