/*
 * PNG through libpng, read from memory row by row (no row-pointer array, so a
 * tall picture costs no extra allocation). Errors unwind with png_longjmp;
 * state that must survive the jump lives in the heap-allocated `png_job`.
 */
#include "decode.h"

#include <stdlib.h>
#include <string.h>

#include <png.h>

typedef struct png_job {
  const uint8_t *Data;
  size_t Length;
  size_t Offset;
  uint8_t *Pixels;
  uint32_t Width;
  uint32_t Height;
} png_job;

static void on_read(png_structp Png, png_bytep Target, size_t Count) {
  png_job *Job = png_get_io_ptr(Png);
  if (Count > Job->Length - Job->Offset) png_error(Png, "truncated PNG data");
  memcpy(Target, Job->Data + Job->Offset, Count);
  Job->Offset += Count;
}

static void on_error(png_structp Png, png_const_charp Message) {
  (void)Message;
  png_longjmp(Png, 1);
}

static void on_warning(png_structp Png, png_const_charp Message) {
  (void)Png;
  (void)Message; /* never print to stderr */
}

/* Reduces every colour type to 8-bit RGB the way stb_image does. */
static void request_rgb8(png_structp Png, png_infop Info) {
  const int ColorType = png_get_color_type(Png, Info);
  const int BitDepth = png_get_bit_depth(Png, Info);
  if (ColorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(Png);
  if ((ColorType & PNG_COLOR_MASK_COLOR) == 0) {
    if (BitDepth < 8) png_set_expand_gray_1_2_4_to_8(Png);
    png_set_gray_to_rgb(Png);
  }
  /* High byte of 16-bit samples, like stb_image (not a rounded rescale). */
  if (BitDepth == 16) png_set_strip_16(Png);
  /* Alpha (also a palette's tRNS, which palette expansion turns into alpha)
   * is dropped, not composited. */
  png_set_strip_alpha(Png);
  png_read_update_info(Png, Info);
}

static ws_image_status decode(png_structp Png, png_infop Info, png_job *Job, uint64_t MaxPixels) {
  png_read_info(Png, Info);
  Job->Width = png_get_image_width(Png, Info);
  Job->Height = png_get_image_height(Png, Info);
  if (!ws_image_dimensions_allowed(Job->Width, Job->Height, MaxPixels)) return WS_IMAGE_TOO_LARGE;
  const int Passes = png_set_interlace_handling(Png);
  request_rgb8(Png, Info);
  const size_t Stride = (size_t)Job->Width * 3;
  if (png_get_channels(Png, Info) != 3 || png_get_bit_depth(Png, Info) != 8 ||
      png_get_rowbytes(Png, Info) != Stride)
    return WS_IMAGE_CORRUPT;
  Job->Pixels = malloc(Stride * Job->Height);
  if (Job->Pixels == NULL) return WS_IMAGE_NO_MEMORY;
  for (int Pass = 0; Pass < Passes; ++Pass)
    for (uint32_t Y = 0; Y < Job->Height; ++Y) png_read_row(Png, Job->Pixels + Stride * Y, NULL);
  return WS_IMAGE_OK;
}

ws_image_status ws_decode_png(const ws_decode_request *Request, ws_rgb8_image *Out) {
  png_job *Job = calloc(1, sizeof(*Job));
  if (Job == NULL) return WS_IMAGE_NO_MEMORY;
  Job->Data = Request->Data;
  Job->Length = Request->Length;
  png_structp Png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
  png_infop Info = Png ? png_create_info_struct(Png) : NULL;
  if (Info == NULL) {
    png_destroy_read_struct(Png ? &Png : NULL, NULL, NULL);
    free(Job);
    return WS_IMAGE_NO_MEMORY;
  }
  /* libpng's own dimension limits, so that it refuses before allocating. */
  const uint64_t MaxSide = Request->MaxPixels < 0x7fffffff ? Request->MaxPixels : 0x7fffffff;
  png_set_user_limits(Png, (png_uint_32)MaxSide, (png_uint_32)MaxSide);
  /* Metadata is never used: skip it unparsed (no zTXt/iTXt/iCCP inflating). */
  static const png_byte Ignored[] = "iCCP\0tEXt\0zTXt\0iTXt\0sPLT\0eXIf\0tIME\0pCAL\0sCAL\0hIST\0";
  png_set_keep_unknown_chunks(Png, PNG_HANDLE_CHUNK_NEVER, Ignored, (int)(sizeof(Ignored) / 5));
  png_set_read_fn(Png, Job, on_read);

  ws_image_status Status;
  if (setjmp(png_jmpbuf(Png)) == 0) {
    Status = decode(Png, Info, Job, Request->MaxPixels);
  } else {
    Status = WS_IMAGE_CORRUPT;
  }
  if (Status == WS_IMAGE_OK) {
    Out->Pixels = Job->Pixels;
    Out->Width = Job->Width;
    Out->Height = Job->Height;
    Job->Pixels = NULL;
  }
  png_destroy_read_struct(&Png, &Info, NULL);
  free(Job->Pixels);
  free(Job);
  return Status;
}
