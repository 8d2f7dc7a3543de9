/*
 * The formats WasmEdge >= 0.15 accepts besides JPEG and PNG, through
 * stb_image (Debian libstb-dev). JPEG and PNG never reach this file: the
 * libjpeg-turbo and libpng decoders are faster and handle them.
 *
 * Radiance HDR is returned by stb as 8-bit (its default gamma-2.2 tone map)
 * and then follows the 8-bit rules.
 */
#include "decode.h"

#if defined(WS_IMAGE_HAVE_STB)

#include <limits.h>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_NO_JPEG
#define STBI_NO_PNG
#define STBI_NO_FAILURE_STRINGS
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
#include <stb_image.h>
/* No "pop": GCC reports unused static declarations at the end of the file. */

ws_image_status ws_decode_stb(const ws_decode_request *Request, ws_rgb8_image *Out) {
  if (Request->Length > INT_MAX) return WS_IMAGE_CORRUPT;
  const int Length = (int)Request->Length;
  int Width = 0, Height = 0, Channels = 0;
  if (!stbi_info_from_memory(Request->Data, Length, &Width, &Height, &Channels))
    return WS_IMAGE_UNKNOWN_FORMAT;
  if (Width <= 0 || Height <= 0 ||
      !ws_image_dimensions_allowed((uint64_t)Width, (uint64_t)Height, Request->MaxPixels))
    return WS_IMAGE_TOO_LARGE;
  uint8_t *Pixels = stbi_load_from_memory(Request->Data, Length, &Width, &Height, &Channels, 3);
  if (Pixels == NULL) return WS_IMAGE_CORRUPT;
  /* The header said one size; make sure the pixels agree before trusting it. */
  if (!ws_image_dimensions_allowed((uint64_t)Width, (uint64_t)Height, Request->MaxPixels)) {
    stbi_image_free(Pixels);
    return WS_IMAGE_TOO_LARGE;
  }
  Out->Pixels = Pixels; /* stb allocates with malloc: ws_rgb8_image_free releases it */
  Out->Width = (uint32_t)Width;
  Out->Height = (uint32_t)Height;
  return WS_IMAGE_OK;
}

#else

ws_image_status ws_decode_stb(const ws_decode_request *Request, ws_rgb8_image *Out) {
  (void)Request;
  (void)Out;
  return WS_IMAGE_UNKNOWN_FORMAT;
}

#endif
