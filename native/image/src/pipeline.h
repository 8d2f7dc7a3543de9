/*
 * decode -> resize -> store: the work behind every host function, once the
 * guest's arguments have been checked.
 */
#ifndef WS_IMAGE_PIPELINE_H
#define WS_IMAGE_PIPELINE_H

#include "image.h"

typedef struct ws_image_load_call {
  const uint8_t *Input; /* encoded file, in guest memory */
  size_t InputLength;
  uint32_t Width; /* output size, both > 0 */
  uint32_t Height;
  enum ws_image_data_type Type;
  bool F32Gamma;  /* f32 samples are (v/255)^2.2 (WasmEdge >= 0.15) instead of v/255 */
  uint64_t MaxPixels;
  uint8_t *Output; /* Width*Height*3 samples of Type, in guest memory */
} ws_image_load_call;

/* Writes the output only when decoding succeeded (never partially on a
 * decode error). Input and output may overlap: the input is fully decoded
 * before the first output byte is written. */
ws_image_status ws_image_load(const ws_image_load_call *Call);

/* Bytes per sample of an output type, 0 for an unknown type. */
uint32_t ws_image_sample_size(uint32_t Type);

#endif /* WS_IMAGE_PIPELINE_H */
