/* Width and height from a PNG or JPEG header, so detections can be reported
 * in pixels of the original image (wasmedge_image returns only the resized
 * pixels). */
#ifndef FACE_DETECT_IMAGE_SIZE_H
#define FACE_DETECT_IMAGE_SIZE_H

#include <stdint.h>

/* Returns 0 and the size, or -1 for anything that is not a PNG or JPEG. */
int image_size(const uint8_t *Data, uint32_t Length, uint32_t *Width, uint32_t *Height);

#endif
