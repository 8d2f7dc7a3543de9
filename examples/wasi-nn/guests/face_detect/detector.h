/*
 * Decoding of MediaPipe's short-range face detector (face_detection_short_range
 * .tflite, input 1x128x128x3 float in [-1, 1]): 896 SSD anchors, box and six
 * keypoint regressors per anchor, sigmoid scores, weighted non-maximum
 * suppression. Parameters are those of MediaPipe's face_detection_short_range
 * graph (SsdAnchorsCalculator, TensorsToDetectionsCalculator,
 * NonMaxSuppressionCalculator).
 */
#ifndef FACE_DETECT_DETECTOR_H
#define FACE_DETECT_DETECTOR_H

#include <stdint.h>

#define DETECTOR_INPUT_SIZE 128
#define DETECTOR_ANCHORS 896
#define DETECTOR_COORDS 16
#define DETECTOR_KEYPOINTS 6

/* A detection in coordinates relative to the input (0..1). */
typedef struct detection {
  float Score;
  float XMin, YMin, Width, Height;
  float KeypointX[DETECTOR_KEYPOINTS], KeypointY[DETECTOR_KEYPOINTS];
} detection;

/* Decodes the two model outputs (regressors 896x16, classificators 896) into
 * at most Max detections, best first. Returns how many were written. */
int detector_decode(const float *Regressors, const float *Scores, detection *Out, int Max);

#endif
