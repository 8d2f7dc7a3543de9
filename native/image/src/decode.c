#include "decode.h"

#include <stdlib.h>
#include <string.h>

void ws_rgb8_image_free(ws_rgb8_image *Image) {
  free(Image->Pixels);
  Image->Pixels = NULL;
  Image->Width = 0;
  Image->Height = 0;
}

bool ws_image_dimensions_allowed(uint64_t Width, uint64_t Height, uint64_t MaxPixels) {
  if (Width == 0 || Height == 0) return false;
  /* Width and Height come from 32-bit header fields: the product fits. */
  return Width * Height <= MaxPixels;
}

static bool starts_with(const ws_decode_request *Request, const void *Magic, size_t Length) {
  return Request->Length >= Length && memcmp(Request->Data, Magic, Length) == 0;
}

ws_image_status ws_decode(const ws_decode_request *Request, ws_rgb8_image *Out) {
  static const uint8_t JpegMagic[] = {0xFF, 0xD8, 0xFF};
  static const uint8_t PngMagic[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  memset(Out, 0, sizeof(*Out));
  if (Request->Data == NULL || Request->Length == 0) return WS_IMAGE_UNKNOWN_FORMAT;
  if (starts_with(Request, JpegMagic, sizeof(JpegMagic))) return ws_decode_jpeg(Request, Out);
  if (starts_with(Request, PngMagic, sizeof(PngMagic))) return ws_decode_png(Request, Out);
  return ws_decode_stb(Request, Out);
}
