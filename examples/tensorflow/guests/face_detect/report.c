#include "report.h"

#include <stdio.h>

static const char *const KeypointNames[DETECTOR_KEYPOINTS] = {"right eye", "left eye", "nose tip", "mouth", "right ear", "left ear"};

static int pixel(float Relative, uint32_t Size) { return (int)(Relative * Size + 0.5f); }

void report_faces(const char *Path, uint32_t Width, uint32_t Height, const detection *Faces, int Count, int WithKeypoints) {
  printf("image: %s (%ux%u)\n", Path, Width, Height);
  printf("faces: %d\n", Count);
  for (int F = 0; F < Count; ++F) {
    const detection *D = &Faces[F];
    printf("face %d: score %.2f, box x=%d y=%d w=%d h=%d\n", F + 1, D->Score, pixel(D->XMin, Width), pixel(D->YMin, Height),
           pixel(D->Width, Width), pixel(D->Height, Height));
    for (int K = 0; WithKeypoints && K < DETECTOR_KEYPOINTS; ++K)
      printf("  %s: (%d, %d)\n", KeypointNames[K], pixel(D->KeypointX[K], Width), pixel(D->KeypointY[K], Height));
  }
}
