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
#include <string.h>

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

/*
 * Radiance HDR goes through a reader instead of stb's memory source. In
 * stb_image 2.27 (Debian's libstb) a run-length scanline that the file cuts
 * short never ends: past the end every byte reads as 0, a "dump" of 0 bytes
 * makes no progress, and the loop spins forever on a 40-byte input. The
 * reader serves the real bytes, then 0xFF padding (runs of 127, which always
 * progress or fail as too long; a scanline start of 0xFF leaves the RLE path
 * for stb's fixed-count flat loop), then the end. A decode that read past the
 * real end is a cut file: it fails like every other truncated input.
 */
#define WS_HDR_PADDING 4096 /* > 4 channels * 2 bytes * ceil(32767 / 127) + a scanline header */

typedef struct hdr_reader {
  const uint8_t *Data;
  size_t Length;
  size_t Offset;
  size_t PaddingLeft;
  bool ReadPastEnd;
} hdr_reader;

static int hdr_read(void *User, char *Target, int Size) {
  hdr_reader *Reader = User;
  if (Size <= 0) return 0;
  size_t Left = Reader->Length - Reader->Offset;
  if (Left > 0) {
    size_t Count = Left < (size_t)Size ? Left : (size_t)Size;
    memcpy(Target, Reader->Data + Reader->Offset, Count);
    Reader->Offset += Count;
    return (int)Count;
  }
  Reader->ReadPastEnd = true;
  size_t Count = Reader->PaddingLeft < (size_t)Size ? Reader->PaddingLeft : (size_t)Size;
  memset(Target, 0xFF, Count);
  Reader->PaddingLeft -= Count;
  return (int)Count;
}

static void hdr_skip(void *User, int Count) {
  hdr_reader *Reader = User;
  if (Count <= 0) return;
  size_t Left = Reader->Length - Reader->Offset;
  if ((size_t)Count > Left) Reader->ReadPastEnd = true;
  Reader->Offset += (size_t)Count < Left ? (size_t)Count : Left;
}

/* The real end, so that stb's own end-of-file checks still see it. */
static int hdr_eof(void *User) {
  const hdr_reader *Reader = User;
  return Reader->Offset >= Reader->Length;
}

static uint8_t *load_hdr(const ws_decode_request *Request, int *Width, int *Height, int *Channels) {
  hdr_reader Reader = {.Data = Request->Data, .Length = Request->Length, .PaddingLeft = WS_HDR_PADDING};
  const stbi_io_callbacks Callbacks = {.read = hdr_read, .skip = hdr_skip, .eof = hdr_eof};
  uint8_t *Pixels = stbi_load_from_callbacks(&Callbacks, &Reader, Width, Height, Channels, 3);
  if (Pixels != NULL && Reader.ReadPastEnd) {
    stbi_image_free(Pixels);
    return NULL;
  }
  return Pixels;
}

static bool is_hdr(const ws_decode_request *Request) {
  return Request->Length >= 2 && Request->Data[0] == '#' && Request->Data[1] == '?';
}

ws_image_status ws_decode_stb(const ws_decode_request *Request, ws_rgb8_image *Out) {
  if (Request->Length > INT_MAX) return WS_IMAGE_CORRUPT;
  const int Length = (int)Request->Length;
  int Width = 0, Height = 0, Channels = 0;
  if (!stbi_info_from_memory(Request->Data, Length, &Width, &Height, &Channels))
    return WS_IMAGE_UNKNOWN_FORMAT;
  if (Width <= 0 || Height <= 0 ||
      !ws_image_dimensions_allowed((uint64_t)Width, (uint64_t)Height, Request->MaxPixels))
    return WS_IMAGE_TOO_LARGE;
  uint8_t *Pixels = is_hdr(Request)
                        ? load_hdr(Request, &Width, &Height, &Channels)
                        : stbi_load_from_memory(Request->Data, Length, &Width, &Height, &Channels, 3);
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
