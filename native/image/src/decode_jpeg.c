/*
 * JPEG through libjpeg-turbo. Errors unwind with longjmp from the error
 * manager; everything that must survive the jump lives in `jpeg_job`, which is
 * not a local of the function that calls setjmp, so it needs no `volatile`.
 *
 * Big downscales are made cheap with DCT-domain scaling (M/8): the decoder
 * then never produces the full-size picture.
 */
#include "decode.h"

#include <setjmp.h>
#include <stdio.h> /* jpeglib.h needs FILE */
#include <stdlib.h>
#include <string.h>

#include <jerror.h>
#include <jpeglib.h>

/* A progressive file can declare any number of scans, each one a full pass
 * over the coefficients: cap them like libjpeg-turbo's djpeg -maxscans. */
#define WS_JPEG_MAX_SCANS 1000

/* libjpeg's own working memory (a progressive file keeps every coefficient,
 * ~6 bytes per pixel at 4:4:4) is capped; above it libjpeg fails cleanly. */
#ifndef WS_JPEG_MAX_MEMORY
#define WS_JPEG_MAX_MEMORY (1L << 30)
#endif

typedef struct jpeg_job {
  struct jpeg_error_mgr ErrorManager; /* first: libjpeg casts cinfo->err to it */
  struct jpeg_progress_mgr Progress;
  jmp_buf Jump;
  bool DataIncomplete; /* a warning said the entropy-coded data is cut or damaged */
  struct jpeg_decompress_struct Info;
  uint8_t *Pixels;
  uint8_t *CmykRow;
} jpeg_job;

static void on_error_exit(j_common_ptr Info) {
  jpeg_job *Job = (jpeg_job *)Info->err;
  longjmp(Job->Jump, 1);
}

/* libjpeg reports recoverable damage as warnings and fills the rest of the
 * picture with grey. A cut or corrupt file is an error for us: ML guests must
 * not silently get half a picture. JWRN_HIT_MARKER means the entropy decoder
 * needed bits that were not there (data cut or a marker inside it). The end of
 * the buffer alone (JWRN_JPEG_EOF) is harmless for a sequential file that only
 * lacks its EOI marker (the decoder reads ahead), but for a progressive file it
 * may mean missing scans, so it fails those. Other warnings (extra bytes
 * between markers, unknown APPn) are ignored. */
static void on_message(j_common_ptr Info, int Level) {
  jpeg_job *Job = (jpeg_job *)Info->err;
  if (Level >= 0) return; /* trace messages */
  switch (Info->err->msg_code) {
  case JWRN_JPEG_EOF:
    if (((j_decompress_ptr)Info)->progressive_mode) Job->DataIncomplete = true;
    break;
  case JWRN_HIT_MARKER:
  case JWRN_HUFF_BAD_CODE:
  case JWRN_MUST_RESYNC:
  case JWRN_BOGUS_PROGRESSION:
    Job->DataIncomplete = true;
    break;
  default:
    break;
  }
}

static void on_output_message(j_common_ptr Info) { (void)Info; /* never print to stderr */ }

static void on_progress(j_common_ptr Info) {
  jpeg_job *Job = (jpeg_job *)Info->err;
  j_decompress_ptr Decompress = (j_decompress_ptr)Info;
  if (Decompress->input_scan_number > WS_JPEG_MAX_SCANS) longjmp(Job->Jump, 1);
}

/* DCT-domain scaling M/8: the smallest M that keeps both sides at least the
 * requested size. Only M = 1..4 and 8: libjpeg-turbo has SIMD inverse DCTs
 * for those, and measured here 5/8..7/8 decode slower than 8/8. 8 when no
 * shrink is possible or none was requested. */
static unsigned choose_scale(uint32_t Width, uint32_t Height, uint32_t MinWidth, uint32_t MinHeight) {
  if (MinWidth == 0 || MinHeight == 0) return 8;
  for (unsigned Scale = 1; Scale <= 4; ++Scale) {
    /* libjpeg's output size: ceil(side * M / 8). */
    uint64_t ScaledWidth = ((uint64_t)Width * Scale + 7) / 8;
    uint64_t ScaledHeight = ((uint64_t)Height * Scale + 7) / 8;
    if (ScaledWidth >= MinWidth && ScaledHeight >= MinHeight) return Scale;
  }
  return 8;
}

/* Adobe CMYK is stored inverted (255 = no ink), so a channel times K is the
 * colour, as stb_image computes it. */
static void cmyk_row_to_rgb(const uint8_t *Cmyk, uint8_t *Rgb, uint32_t Width) {
  for (uint32_t X = 0; X < Width; ++X) {
    unsigned K = Cmyk[X * 4 + 3];
    for (int C = 0; C < 3; ++C) Rgb[X * 3 + C] = (uint8_t)((Cmyk[X * 4 + C] * K + 127) / 255);
  }
}

static ws_image_status read_pixels(jpeg_job *Job) {
  struct jpeg_decompress_struct *Info = &Job->Info;
  const uint32_t Width = Info->output_width;
  const size_t Stride = (size_t)Width * 3;
  Job->Pixels = malloc(Stride * Info->output_height);
  if (Job->Pixels == NULL) return WS_IMAGE_NO_MEMORY;
  const bool Cmyk = Info->out_color_space == JCS_CMYK;
  if (Cmyk) {
    Job->CmykRow = malloc((size_t)Width * 4);
    if (Job->CmykRow == NULL) return WS_IMAGE_NO_MEMORY;
  }
  while (Info->output_scanline < Info->output_height) {
    uint8_t *Row = Job->Pixels + Stride * Info->output_scanline;
    JSAMPROW Target = Cmyk ? Job->CmykRow : Row;
    if (jpeg_read_scanlines(Info, &Target, 1) != 1) return WS_IMAGE_CORRUPT;
    if (Cmyk) cmyk_row_to_rgb(Job->CmykRow, Row, Width);
  }
  return Job->DataIncomplete ? WS_IMAGE_CORRUPT : WS_IMAGE_OK;
}

static ws_image_status decode(jpeg_job *Job, const ws_decode_request *Request) {
  struct jpeg_decompress_struct *Info = &Job->Info;
  jpeg_mem_src(Info, Request->Data, (unsigned long)Request->Length);
  if (jpeg_read_header(Info, TRUE) != JPEG_HEADER_OK) return WS_IMAGE_CORRUPT;
  if (!ws_image_dimensions_allowed(Info->image_width, Info->image_height, Request->MaxPixels))
    return WS_IMAGE_TOO_LARGE;

  switch (Info->jpeg_color_space) {
  case JCS_CMYK:
  case JCS_YCCK:
    Info->out_color_space = JCS_CMYK;
    break;
  default: /* grey, YCbCr, RGB: libjpeg-turbo converts (grey is replicated) */
    Info->out_color_space = JCS_RGB;
    break;
  }
  Info->scale_num = choose_scale(Info->image_width, Info->image_height, Request->MinWidth,
                                 Request->MinHeight);
  Info->scale_denom = 8;
  if (!jpeg_start_decompress(Info)) return WS_IMAGE_CORRUPT;
  if (Job->DataIncomplete) return WS_IMAGE_CORRUPT;
  return read_pixels(Job);
}

ws_image_status ws_decode_jpeg(const ws_decode_request *Request, ws_rgb8_image *Out) {
  jpeg_job *Job = calloc(1, sizeof(*Job));
  if (Job == NULL) return WS_IMAGE_NO_MEMORY;
  Job->Info.err = jpeg_std_error(&Job->ErrorManager);
  Job->ErrorManager.error_exit = on_error_exit;
  Job->ErrorManager.emit_message = on_message;
  Job->ErrorManager.output_message = on_output_message;

  ws_image_status Status;
  if (setjmp(Job->Jump) == 0) {
    jpeg_create_decompress(&Job->Info);
    Job->Info.mem->max_memory_to_use = WS_JPEG_MAX_MEMORY;
    Job->Progress.progress_monitor = on_progress;
    Job->Info.progress = &Job->Progress;
    Status = decode(Job, Request);
  } else {
    Status = WS_IMAGE_CORRUPT;
  }
  if (Status == WS_IMAGE_OK) {
    Out->Pixels = Job->Pixels;
    Out->Width = Job->Info.output_width;
    Out->Height = Job->Info.output_height;
    Job->Pixels = NULL;
  }
  /* Destroying is safe after any error, and after a partial decode. */
  jpeg_destroy_decompress(&Job->Info);
  free(Job->Pixels);
  free(Job->CmykRow);
  free(Job);
  return Status;
}
