// Runs every row of WasmEdge's check table for load_image (and a control
// call) with guard bytes around the output buffer and around the last bytes
// of memory. One line per row:
//   NAME errno=N guards=intact|damaged output=written|untouched memory_end=intact|damaged
// Usage: check_table FILE [FUNCTION]   (a small valid PNG or JPEG; output 4x3;
//        FUNCTION load_image (default), load_jpg or load_png)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wasmedge_image.h>

#include "image_test.h"

#define GUARD 64
#define GUARD_BYTE 0xA5
#define FILL_BYTE 0x5A
#define WIDTH 4
#define HEIGHT 3
#define EXACT (WIDTH * HEIGHT * 3)
#define END_BYTES 64

/* The three functions called with raw addresses (rows aim at ranges outside
 * memory or wrapping around, which C pointers cannot express portably). */
#define RAW(address) ((void *)(uintptr_t)(address))
#define RAW_CALL(function)                                                                                     \
  static int32_t function##_raw(uint32_t in, uint32_t in_length, uint32_t width, uint32_t height, uint32_t type, \
                                uint32_t out, uint32_t out_length) {                                           \
    return function(RAW(in), in_length, width, height, type, RAW(out), out_length);                           \
  }
RAW_CALL(image_load_image)
RAW_CALL(image_load_jpg)
RAW_CALL(image_load_png)

typedef int32_t (*raw_load_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

static raw_load_fn load = image_load_image_raw;
static uint8_t *buffer;
static uint8_t *output;
static uint8_t *input;
static uint32_t input_length;

static uint32_t memory_size(void) { return (uint32_t)(__builtin_wasm_memory_size(0) * 65536u); }

static void reset(void) {
  memset(buffer, GUARD_BYTE, GUARD);
  memset(output, FILL_BYTE, EXACT + 16);
  memset(output + EXACT + 16, GUARD_BYTE, GUARD);
  /* The last bytes of linear memory: a call aimed there must not write. */
  memset((uint8_t *)(uintptr_t)(memory_size() - END_BYTES), GUARD_BYTE, END_BYTES);
}

static void report(const char *name, int32_t errno_value) {
  int guards = 1, untouched = 1, end = 1;
  for (uint32_t i = 0; i < GUARD; ++i)
    if (buffer[i] != GUARD_BYTE || output[EXACT + 16 + i] != GUARD_BYTE) guards = 0;
  for (uint32_t i = 0; i < EXACT + 16; ++i)
    if (output[i] != FILL_BYTE) untouched = 0;
  const uint8_t *tail = (const uint8_t *)(uintptr_t)(memory_size() - END_BYTES);
  for (uint32_t i = 0; i < END_BYTES; ++i)
    if (tail[i] != GUARD_BYTE) end = 0;
  printf("%s errno=%d guards=%s output=%s memory_end=%s\n", name, errno_value, guards ? "intact" : "damaged",
         untouched ? "untouched" : "written", end ? "intact" : "damaged");
}

#define ROW(name, in_ptr, in_len, w, h, type, out_ptr, out_len)                                     \
  do {                                                                                              \
    reset();                                                                                        \
    report(name, load((in_ptr), (in_len), (w), (h), (type), (out_ptr), (out_len)));                 \
  } while (0)

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: check_table FILE\n");
    return 2;
  }
  if (argc > 2 && strcmp(argv[2], "load_jpg") == 0) load = image_load_jpg_raw;
  if (argc > 2 && strcmp(argv[2], "load_png") == 0) load = image_load_png_raw;
  input = read_file_or_exit(argv[1], &input_length);
  buffer = malloc(GUARD + EXACT + 16 + GUARD);
  output = buffer + GUARD;
  const uint32_t in = (uint32_t)(uintptr_t)input, out = (uint32_t)(uintptr_t)output;
  const uint32_t end = memory_size();

  ROW("control", in, input_length, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("input_past_end", end - 16, 64, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("input_wraps", 0xFFFFFFF0u, 0x20, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("input_length_huge", in, 0xFFFFFFFFu, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("output_past_end", in, input_length, WIDTH, HEIGHT, 0, end - 16, EXACT);
  ROW("output_wraps", in, input_length, WIDTH, HEIGHT, 0, 0xFFFFFFF0u, 0x20);
  ROW("output_length_huge", in, input_length, WIDTH, HEIGHT, 0, out, 0xFFFFFFFFu);
  ROW("type_4", in, input_length, WIDTH, HEIGHT, 4, out, EXACT);
  ROW("type_max", in, input_length, WIDTH, HEIGHT, 0xFFFFFFFFu, out, EXACT);
  ROW("width_0", in, input_length, 0, HEIGHT, 0, out, EXACT);
  ROW("height_0", in, input_length, WIDTH, 0, 0, out, EXACT);
  ROW("width_800000000", in, input_length, 800000000u, HEIGHT, 0, out, EXACT);
  ROW("height_2147483648", in, input_length, WIDTH, 2147483648u, 0, out, EXACT);
  ROW("width_f32_limit", in, input_length, 0x7FFFFFFFu / 12 + 1, 1, 2, out, EXACT);
  /* 2*715827883*3 = 2^32 + 2: wraps to 2 in 32 bits; the 64-bit check catches it. */
  ROW("size_wraps_32_bits", in, input_length, 2, 715827883u, 0, out, EXACT);
  ROW("output_one_byte_short", in, input_length, WIDTH, HEIGHT, 0, out, EXACT - 1);
  ROW("output_length_0", in, input_length, WIDTH, HEIGHT, 0, out, 0);
  ROW("f32_output_one_byte_short", in, input_length, WIDTH / 2, HEIGHT / 3, 2, out, EXACT * 4 / 6 - 1);
  ROW("input_length_0", in, 0, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("input_not_an_image", out, EXACT, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("input_truncated", in, input_length / 2, WIDTH, HEIGHT, 0, out, EXACT);
  ROW("control_again", in, input_length, WIDTH, HEIGHT, 0, out, EXACT);
  return 0;
}
