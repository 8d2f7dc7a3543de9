/*
 * wasmedge_image.h: guest-side imports of module "wasmedge_image" (@ws/image;
 * WasmEdge's wasmedge_image plug-in ABI): decode an image (JPEG, PNG, BMP,
 * GIF, TGA, PSD, HDR, PIC, PNM) and resize it to a 3-channel RGB/BGR tensor
 * of u8 or f32 samples, in one host call.
 *
 *   #include <wasmedge_image.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/image/include -o app.wasm app.c
 *
 * Output layout: out_width x out_height pixels, row-major, 3 interleaved
 * channels, no padding: out_width*out_height*3 bytes (RGB8/BGR8) or
 * out_width*out_height*3 little-endian floats (RGB32F/BGR32F, 12 bytes a
 * pixel). Alpha is dropped, grey replicated.
 *
 * Every function returns IMAGE_SUCCESS (0) or IMAGE_FAIL (1): input or
 * output range outside memory, unknown out_type, width or height 0, output
 * buffer too small, undecodable data. Nothing is written when a call fails;
 * nothing traps.
 */
#ifndef WASMEDGE_IMAGE_H
#define WASMEDGE_IMAGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Results. */
enum { IMAGE_SUCCESS = 0, IMAGE_FAIL = 1 };

/* Output types (`out_type`). f32 samples are v/255 by default (the host
 * option --image-f32-gamma gives WasmEdge 0.15's (v/255)^2.2). */
enum {
  IMAGE_RGB8 = 0,   /* u8 R,G,B */
  IMAGE_BGR8 = 1,   /* u8 B,G,R */
  IMAGE_RGB32F = 2, /* f32 R,G,B */
  IMAGE_BGR32F = 3  /* f32 B,G,R */
};

/* The type of image_load_jpg/png/image. */
typedef int32_t (*image_load_fn)(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height,
                                 uint32_t out_type, void *out, uint32_t out_length);
/* The type of the legacy wasmedge_image_load_*_to_* functions. */
typedef int32_t (*image_legacy_fn)(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height,
                                   void *out);

#define WASMEDGE_IMAGE_IMPORT(name) __attribute__((import_module("wasmedge_image"), import_name(#name)))

/* Decodes `in_length` bytes of image data at `in`, resizes the image to
 * out_width x out_height and writes it as `out_type` (IMAGE_*) at `out`,
 * whose size `out_length` must be at least the output size in bytes.
 * Accepts every supported format (WasmEdge 0.15+). */
WASMEDGE_IMAGE_IMPORT(load_image)
int32_t image_load_image(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height,
                         uint32_t out_type, void *out, uint32_t out_length);

/* Same as image_load_image (named for JPEG input in WasmEdge 0.13). */
WASMEDGE_IMAGE_IMPORT(load_jpg)
int32_t image_load_jpg(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height,
                       uint32_t out_type, void *out, uint32_t out_length);

/* Same as image_load_image (named for PNG input in WasmEdge 0.13). */
WASMEDGE_IMAGE_IMPORT(load_png)
int32_t image_load_png(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height,
                       uint32_t out_type, void *out, uint32_t out_length);

/*
 * Legacy functions of the archived second-state/WasmEdge-image module
 * (WasmEdge 0.12 guests): the output type is in the name, the buffer at
 * `out` has no length parameter and must hold exactly the output size.
 * f32 variants always use v/255.
 */
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_jpg_to_rgb8)
int32_t wasmedge_image_load_jpg_to_rgb8(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_jpg_to_bgr8)
int32_t wasmedge_image_load_jpg_to_bgr8(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_jpg_to_rgb32f)
int32_t wasmedge_image_load_jpg_to_rgb32f(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_jpg_to_bgr32f)
int32_t wasmedge_image_load_jpg_to_bgr32f(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_png_to_rgb8)
int32_t wasmedge_image_load_png_to_rgb8(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_png_to_bgr8)
int32_t wasmedge_image_load_png_to_bgr8(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_png_to_rgb32f)
int32_t wasmedge_image_load_png_to_rgb32f(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);
WASMEDGE_IMAGE_IMPORT(wasmedge_image_load_png_to_bgr32f)
int32_t wasmedge_image_load_png_to_bgr32f(const void *in, uint32_t in_length, uint32_t out_width, uint32_t out_height, void *out);

#undef WASMEDGE_IMAGE_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_IMAGE_H */
