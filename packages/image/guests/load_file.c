// Decodes a file with one wasmedge_image function into a buffer surrounded by
// guard bytes, then prints what the tests compare exactly:
//   errno=N guards=intact|damaged output=written|untouched fnv1a=XXXXXXXX
//   mean=R,G,B  pixel(x,y)=R,G,B ...
// Usage: load_file FUNCTION FILE WIDTH HEIGHT TYPE [OUT_LEN_DELTA [X,Y ...]]
//   FUNCTION: load_jpg | load_png | load_image | wasmedge_image_load_*_to_*
//   TYPE: 0 RGB8, 1 BGR8, 2 RGB32F, 3 BGR32F (ignored by legacy functions,
//         whose type is in the name); OUT_LEN_DELTA is added to the exact size.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wasmedge_image.h>

#include "image_test.h"

#define GUARD 64
#define GUARD_BYTE 0xA5
#define FILL_BYTE 0x5A

static const struct {
  const char *name;
  image_legacy_fn function;
  uint32_t type;
} legacy[] = {
    {"wasmedge_image_load_jpg_to_rgb8", wasmedge_image_load_jpg_to_rgb8, IMAGE_RGB8},
    {"wasmedge_image_load_jpg_to_bgr8", wasmedge_image_load_jpg_to_bgr8, IMAGE_BGR8},
    {"wasmedge_image_load_jpg_to_rgb32f", wasmedge_image_load_jpg_to_rgb32f, IMAGE_RGB32F},
    {"wasmedge_image_load_jpg_to_bgr32f", wasmedge_image_load_jpg_to_bgr32f, IMAGE_BGR32F},
    {"wasmedge_image_load_png_to_rgb8", wasmedge_image_load_png_to_rgb8, IMAGE_RGB8},
    {"wasmedge_image_load_png_to_bgr8", wasmedge_image_load_png_to_bgr8, IMAGE_BGR8},
    {"wasmedge_image_load_png_to_rgb32f", wasmedge_image_load_png_to_rgb32f, IMAGE_RGB32F},
    {"wasmedge_image_load_png_to_bgr32f", wasmedge_image_load_png_to_bgr32f, IMAGE_BGR32F},
};

static double sample(const uint8_t *output, uint32_t type, size_t index) {
  if (type < 2) return output[index];
  float value;
  memcpy(&value, output + index * 4, 4);
  return value;
}

static void print_pixel(const uint8_t *output, uint32_t type, size_t pixel) {
  if (type < 2)
    printf("%d,%d,%d", (int)sample(output, type, pixel * 3), (int)sample(output, type, pixel * 3 + 1),
           (int)sample(output, type, pixel * 3 + 2));
  else
    printf("%.6f,%.6f,%.6f", sample(output, type, pixel * 3), sample(output, type, pixel * 3 + 1),
           sample(output, type, pixel * 3 + 2));
}

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: load_file FUNCTION FILE WIDTH HEIGHT TYPE [OUT_LEN_DELTA [X,Y ...]]\n");
    return 2;
  }
  const char *function = argv[1];
  uint32_t input_length;
  uint8_t *input = read_file_or_exit(argv[2], &input_length);
  uint32_t width = (uint32_t)strtoul(argv[3], NULL, 10), height = (uint32_t)strtoul(argv[4], NULL, 10);
  uint32_t type = (uint32_t)strtoul(argv[5], NULL, 10);
  long delta = argc > 6 ? strtol(argv[6], NULL, 10) : 0;

  image_legacy_fn legacy_function = NULL;
  for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); ++i)
    if (strcmp(function, legacy[i].name) == 0) {
      legacy_function = legacy[i].function;
      type = legacy[i].type;
    }
  const uint32_t sample_bytes = type >= 2 && type <= 3 ? 4 : 1;
  const uint64_t exact = (uint64_t)width * height * 3 * sample_bytes;
  const uint64_t output_length = (uint64_t)((int64_t)exact + delta);
  if (output_length > 512u * 1024 * 1024) {
    fprintf(stderr, "output of %llu bytes is too large for this guest\n", (unsigned long long)output_length);
    return 2;
  }
  uint8_t *buffer = malloc(output_length + 2 * GUARD);
  if (!buffer) return 2;
  memset(buffer, GUARD_BYTE, GUARD);
  memset(buffer + GUARD, FILL_BYTE, output_length);
  memset(buffer + GUARD + output_length, GUARD_BYTE, GUARD);
  uint8_t *output = buffer + GUARD;

  int32_t errno_value;
  if (legacy_function) {
    errno_value = legacy_function(input, input_length, width, height, output);
  } else if (strcmp(function, "load_jpg") == 0) {
    errno_value = image_load_jpg(input, input_length, width, height, type, output, (uint32_t)output_length);
  } else if (strcmp(function, "load_png") == 0) {
    errno_value = image_load_png(input, input_length, width, height, type, output, (uint32_t)output_length);
  } else if (strcmp(function, "load_image") == 0) {
    errno_value = image_load_image(input, input_length, width, height, type, output, (uint32_t)output_length);
  } else {
    fprintf(stderr, "unknown function %s\n", function);
    return 2;
  }

  int guards = 1, untouched = 1;
  for (uint32_t i = 0; i < GUARD; ++i)
    if (buffer[i] != GUARD_BYTE || buffer[GUARD + output_length + i] != GUARD_BYTE) guards = 0;
  for (uint64_t i = 0; i < output_length; ++i)
    if (output[i] != FILL_BYTE) untouched = 0;
  printf("errno=%d guards=%s output=%s\n", errno_value, guards ? "intact" : "damaged",
         untouched ? "untouched" : "written");
  if (errno_value != 0 || output_length < exact) return 0;

  printf("fnv1a=%08x\n", fnv1a(output, (uint32_t)exact));
  double sums[3] = {0, 0, 0};
  const size_t pixels = (size_t)width * height;
  for (size_t p = 0; p < pixels; ++p)
    for (int c = 0; c < 3; ++c) sums[c] += sample(output, type, p * 3 + c);
  printf(type < 2 ? "mean=%.3f,%.3f,%.3f\n" : "mean=%.6f,%.6f,%.6f\n", sums[0] / pixels, sums[1] / pixels,
         sums[2] / pixels);
  for (int i = 7; i < argc; ++i) {
    unsigned x, y;
    if (sscanf(argv[i], "%u,%u", &x, &y) != 2 || x >= width || y >= height) continue;
    printf("pixel(%u,%u)=", x, y);
    print_pixel(output, type, (size_t)y * width + x);
    printf("\n");
  }
  return 0;
}
