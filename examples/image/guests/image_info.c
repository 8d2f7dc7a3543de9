// image_info: decodes an image with the wasmedge_image plug-in and prints its
// mean colour and a 16x8 ASCII rendering.
//   ws run --dir /data:fixtures image_info.wasm /data/chelsea.jpg
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <wasmedge_image.h>

static uint8_t *read_file(const char *path, uint32_t *length) {
  FILE *file = fopen(path, "rb");
  if (!file) return NULL;
  uint32_t capacity = 1 << 16, used = 0;
  uint8_t *bytes = malloc(capacity);
  size_t got;
  while (bytes && (got = fread(bytes + used, 1, capacity - used, file)) > 0) {
    used += (uint32_t)got;
    if (used == capacity) bytes = realloc(bytes, capacity *= 2);
  }
  fclose(file);
  *length = used;
  return bytes;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: image_info FILE\n");
    return 2;
  }
  uint32_t length;
  uint8_t *image = read_file(argv[1], &length);
  if (!image) {
    fprintf(stderr, "image_info: cannot read %s\n", argv[1]);
    return 1;
  }

  // Mean colour: the plug-in's antialiased downscale to 64x64 keeps the mean.
  static uint8_t thumbnail[64 * 64 * 3];
  if (image_load_image(image, length, 64, 64, IMAGE_RGB8, thumbnail, sizeof(thumbnail)) != 0) {
    fprintf(stderr, "image_info: %s is not an image the plug-in can decode\n", argv[1]);
    return 1;
  }
  unsigned long sum[3] = {0, 0, 0};
  for (int i = 0; i < 64 * 64; ++i)
    for (int c = 0; c < 3; ++c) sum[c] += thumbnail[i * 3 + c];
  unsigned mean[3];
  for (int c = 0; c < 3; ++c) mean[c] = (unsigned)((sum[c] + 64 * 64 / 2) / (64 * 64));
  printf("%s: %u bytes\n", argv[1], length);
  printf("mean colour: %u %u %u (#%02x%02x%02x)\n", mean[0], mean[1], mean[2], mean[0], mean[1], mean[2]);

  // 16x8 rendering: one character per pixel, darker to brighter, with the
  // luma range of the picture stretched over the whole ramp.
  static uint8_t cells[16 * 8 * 3];
  if (image_load_image(image, length, 16, 8, IMAGE_RGB8, cells, sizeof(cells)) != 0) return 1;
  static const char ramp[] = " .:-=+*#%@";
  unsigned luma[16 * 8], darkest = 255, brightest = 0;
  for (int i = 0; i < 16 * 8; ++i) {
    const uint8_t *p = &cells[i * 3];
    luma[i] = (299u * p[0] + 587u * p[1] + 114u * p[2]) / 1000u;
    if (luma[i] < darkest) darkest = luma[i];
    if (luma[i] > brightest) brightest = luma[i];
  }
  const unsigned range = brightest > darkest ? brightest - darkest : 1;
  for (int y = 0; y < 8; ++y) {
    putchar('|');
    for (int x = 0; x < 16; ++x) putchar(ramp[(luma[y * 16 + x] - darkest) * 9 / range]);
    puts("|");
  }
  free(image);
  return 0;
}
