/* Prints detections in pixels of the original image (both example guests). */
#ifndef TF_EXAMPLE_REPORT_H
#define TF_EXAMPLE_REPORT_H

#include <stdint.h>

#include "../../../wasi-nn/guests/face_detect/detector.h"

/* "image: PATH (WxH)", "faces: N", then one line per face, and its six
 * keypoints when WithKeypoints is non-zero. */
void report_faces(const char *Path, uint32_t Width, uint32_t Height, const detection *Faces, int Count, int WithKeypoints);

#endif
