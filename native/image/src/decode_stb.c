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
#include <stdlib.h>
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
 * stb reads through a bounded reader, not its memory source, because two
 * defects of stb_image 2.27 (Debian's libstb) turn a cut file into a host
 * problem:
 *  - past the end of a memory source every byte reads as 0, and a Radiance
 *    HDR run-length "dump" of 0 bytes makes no progress: a scanline the file
 *    cuts short spins forever (a 40-byte input hangs the host);
 *  - loaders copy pixel rows with a read whose short count they ignore (PNM,
 *    TGA, flat HDR), so a cut file leaves malloc'ed or stack bytes, i.e. host
 *    memory, in the picture the guest gets.
 * The reader never returns a short count: after the real bytes it serves 0xFF
 * padding (HDR runs of 127, which always progress or fail as too long; a
 * scanline start of 0xFF leaves the run-length path for a fixed-count loop),
 * then the end. After decoding, the bytes stb consumed (delivered minus what
 * is still unread in its buffer) tell whether it needed more than the file:
 * such a cut file fails like every other truncated input and its pixels are
 * never used.
 */
#define WS_STB_PADDING 65536 /* > 4 channels * 2 bytes * ceil(32767 / 127) + a scanline header */

typedef struct bounded_reader {
  const uint8_t *Data;
  size_t Length;
  size_t Offset;    /* real bytes delivered or skipped */
  size_t Delivered; /* all bytes delivered or skipped, padding included */
  size_t PaddingLeft;
} bounded_reader;

static int bounded_read(void *User, char *Target, int Size) {
  bounded_reader *Reader = User;
  if (Size <= 0) return 0;
  const size_t Left = Reader->Length - Reader->Offset;
  const size_t Real = Left < (size_t)Size ? Left : (size_t)Size;
  memcpy(Target, Reader->Data + Reader->Offset, Real);
  Reader->Offset += Real;
  size_t Padding = (size_t)Size - Real;
  if (Padding > Reader->PaddingLeft) Padding = Reader->PaddingLeft;
  memset(Target + Real, 0xFF, Padding);
  Reader->PaddingLeft -= Padding;
  Reader->Delivered += Real + Padding;
  return (int)(Real + Padding);
}

static void bounded_skip(void *User, int Count) {
  bounded_reader *Reader = User;
  if (Count <= 0) return;
  const size_t Left = Reader->Length - Reader->Offset;
  Reader->Offset += (size_t)Count < Left ? (size_t)Count : Left;
  Reader->Delivered += (size_t)Count;
}

/* The real end, so that stb's own end-of-file checks still see it. */
static int bounded_eof(void *User) {
  const bounded_reader *Reader = User;
  return Reader->Offset >= Reader->Length;
}

static const stbi_io_callbacks bounded_callbacks = {.read = bounded_read, .skip = bounded_skip, .eof = bounded_eof};

static void start_bounded(stbi__context *Context, bounded_reader *Reader, const ws_decode_request *Request) {
  *Reader = (bounded_reader){.Data = Request->Data, .Length = Request->Length, .PaddingLeft = WS_STB_PADDING};
  stbi__start_callbacks(Context, (stbi_io_callbacks *)&bounded_callbacks, Reader);
}

/* True when stb consumed bytes past the end of the file. */
static bool read_past_end(const stbi__context *Context, const bounded_reader *Reader) {
  if (!Context->read_from_callbacks) return true; /* it even used up the padding */
  const size_t Unread = (size_t)(Context->img_buffer_end - Context->img_buffer);
  return Reader->Delivered - Unread > Reader->Length;
}

/* stb's load with 8-bit samples (Wanted channels), or 16-bit samples with
 * the file's own channels; NULL when it fails or read past the end. */
static void *load_bounded(const ws_decode_request *Request, bool Sixteen, int Wanted, int *Width, int *Height,
                          int *Channels) {
  stbi__context Context;
  bounded_reader Reader;
  start_bounded(&Context, &Reader, Request);
  void *Pixels = Sixteen ? (void *)stbi__load_and_postprocess_16bit(&Context, Width, Height, Channels, Wanted)
                         : (void *)stbi__load_and_postprocess_8bit(&Context, Width, Height, Channels, Wanted);
  if (Pixels != NULL && read_past_end(&Context, &Reader)) {
    stbi_image_free(Pixels);
    return NULL;
  }
  return Pixels;
}

/*
 * PNM. For a 16-bit file (maxval above 255) stb_image 2.27 turns grey into RGB
 * with its 8-bit converter and then reads that buffer as 16-bit samples (a
 * heap over-read of width*height*3 bytes whose contents would reach the
 * guest), and it keeps the big-endian samples in file byte order. Whether a
 * file is 16-bit cannot be asked beforehand either: stb's maxval parse stops
 * one digit early at the end of a memory buffer, so a probe and the load can
 * disagree. So every PNM is loaded through the 16-bit entry point with its own
 * channel count, unconverted (8-bit files come back as v*257), and reduced
 * here to the most significant byte of each sample, grey replicated.
 */
static bool is_pnm(const ws_decode_request *Request) {
  return Request->Length >= 2 && Request->Data[0] == 'P' && (Request->Data[1] == '5' || Request->Data[1] == '6');
}

static uint8_t *load_pnm(const ws_decode_request *Request, int *Width, int *Height) {
  int Channels = 0;
  stbi_us *Samples = load_bounded(Request, true, 0, Width, Height, &Channels);
  if (Samples == NULL) return NULL;
  uint8_t *Rgb = NULL;
  if ((Channels == 1 || Channels == 3) && *Width > 0 && *Height > 0)
    Rgb = malloc((size_t)*Width * (size_t)*Height * 3);
  if (Rgb != NULL) {
    /* Byte 0 of a sample: the MSB of a 16-bit file (kept in file order), or
     * v itself for an 8-bit file (v*257 has two equal bytes). */
    const uint8_t *Bytes = (const uint8_t *)Samples;
    const size_t Pixels = (size_t)*Width * (size_t)*Height;
    for (size_t P = 0; P < Pixels; ++P)
      for (int C = 0; C < 3; ++C) Rgb[P * 3 + C] = Bytes[(P * (size_t)Channels + (Channels == 1 ? 0 : (size_t)C)) * 2];
  }
  stbi_image_free(Samples);
  return Rgb;
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
  uint8_t *Pixels = is_pnm(Request)
                        ? load_pnm(Request, &Width, &Height)
                        : load_bounded(Request, false, 3, &Width, &Height, &Channels);
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
