#include "image_size.h"

#include <string.h>

static uint32_t be16(const uint8_t *At) { return (uint32_t)At[0] << 8 | At[1]; }
static uint32_t be32(const uint8_t *At) { return be16(At) << 16 | be16(At + 2); }

int image_size(const uint8_t *Data, uint32_t Length, uint32_t *Width, uint32_t *Height) {
  static const uint8_t PngMagic[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (Length >= 24 && memcmp(Data, PngMagic, 8) == 0 && memcmp(Data + 12, "IHDR", 4) == 0) {
    *Width = be32(Data + 16);
    *Height = be32(Data + 20);
    return 0;
  }
  if (Length < 4 || Data[0] != 0xFF || Data[1] != 0xD8) return -1;
  /* Walk the JPEG segments up to a start-of-frame marker (SOF0..SOF15
   * except DHT C4, JPG C8 and DAC CC). */
  for (uint32_t At = 2; At + 9 < Length;) {
    if (Data[At] != 0xFF) return -1;
    uint8_t Marker = Data[At + 1];
    if (Marker == 0xFF) { At++; continue; }
    uint32_t SegmentLength = be16(Data + At + 2);
    if (Marker >= 0xC0 && Marker <= 0xCF && Marker != 0xC4 && Marker != 0xC8 && Marker != 0xCC) {
      *Height = be16(Data + At + 5);
      *Width = be16(Data + At + 7);
      return 0;
    }
    At += 2 + SegmentLength;
  }
  return -1;
}
