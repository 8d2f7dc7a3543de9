#include "detector.h"

#include <math.h>
#include <string.h>

#define MIN_SCORE 0.5f
#define SCORE_CLIP 100.0f
#define MIN_SUPPRESSION_IOU 0.3f

typedef struct anchor { float X, Y; } anchor;

/* SSD anchors: strides 8, 16, 16, 16 on a 128x128 input; layers with the same
 * stride share one grid, with two anchors (aspect ratio 1 and the
 * interpolated scale) per layer. Anchor sizes are fixed to 1. */
static int make_anchors(anchor *Out) {
  static const int Strides[] = {8, 16, 16, 16};
  const int Layers = 4;
  int Count = 0;
  for (int Layer = 0; Layer < Layers;) {
    int Last = Layer;
    while (Last < Layers && Strides[Last] == Strides[Layer]) Last++;
    int PerCell = 2 * (Last - Layer);
    int Grid = DETECTOR_INPUT_SIZE / Strides[Layer];
    for (int Y = 0; Y < Grid; ++Y)
      for (int X = 0; X < Grid; ++X)
        for (int A = 0; A < PerCell; ++A) Out[Count++] = (anchor){(X + 0.5f) / Grid, (Y + 0.5f) / Grid};
    Layer = Last;
  }
  return Count;
}

static float overlap(const detection *A, const detection *B) {
  float X0 = fmaxf(A->XMin, B->XMin), Y0 = fmaxf(A->YMin, B->YMin);
  float X1 = fminf(A->XMin + A->Width, B->XMin + B->Width), Y1 = fminf(A->YMin + A->Height, B->YMin + B->Height);
  if (X1 <= X0 || Y1 <= Y0) return 0;
  float Intersection = (X1 - X0) * (Y1 - Y0);
  return Intersection / (A->Width * A->Height + B->Width * B->Height - Intersection);
}

int detector_decode(const float *Regressors, const float *Scores, detection *Out, int Max) {
  static anchor Anchors[DETECTOR_ANCHORS];
  static detection Candidates[DETECTOR_ANCHORS];
  static int Used[DETECTOR_ANCHORS];
  if (make_anchors(Anchors) != DETECTOR_ANCHORS) return 0;
  const float Scale = DETECTOR_INPUT_SIZE;
  int Count = 0;
  for (int I = 0; I < DETECTOR_ANCHORS; ++I) {
    float Raw = fminf(fmaxf(Scores[I], -SCORE_CLIP), SCORE_CLIP);
    float Score = 1.0f / (1.0f + expf(-Raw));
    if (Score < MIN_SCORE) continue;
    const float *R = Regressors + I * DETECTOR_COORDS;
    float CenterX = R[0] / Scale + Anchors[I].X, CenterY = R[1] / Scale + Anchors[I].Y;
    float Width = R[2] / Scale, Height = R[3] / Scale;
    detection *D = &Candidates[Count++];
    *D = (detection){Score, CenterX - Width / 2, CenterY - Height / 2, Width, Height, {0}, {0}};
    for (int K = 0; K < DETECTOR_KEYPOINTS; ++K) {
      D->KeypointX[K] = R[4 + 2 * K] / Scale + Anchors[I].X;
      D->KeypointY[K] = R[5 + 2 * K] / Scale + Anchors[I].Y;
    }
  }
  /* Weighted NMS: the best remaining candidate absorbs every candidate that
   * overlaps it by more than the threshold; coordinates are averaged by score. */
  memset(Used, 0, sizeof(Used));
  int Written = 0;
  while (Written < Max) {
    int Best = -1;
    for (int I = 0; I < Count; ++I)
      if (!Used[I] && (Best < 0 || Candidates[I].Score > Candidates[Best].Score)) Best = I;
    if (Best < 0) break;
    detection Sum = {0};
    float Total = 0;
    for (int I = 0; I < Count; ++I) {
      if (Used[I] || overlap(&Candidates[Best], &Candidates[I]) <= MIN_SUPPRESSION_IOU) continue;
      Used[I] = 1;
      const detection *C = &Candidates[I];
      float W = C->Score;
      Total += W;
      Sum.XMin += W * C->XMin, Sum.YMin += W * C->YMin, Sum.Width += W * C->Width, Sum.Height += W * C->Height;
      for (int K = 0; K < DETECTOR_KEYPOINTS; ++K) Sum.KeypointX[K] += W * C->KeypointX[K], Sum.KeypointY[K] += W * C->KeypointY[K];
    }
    Used[Best] = 1;
    if (Total <= 0) continue;
    detection *D = &Out[Written++];
    *D = (detection){Candidates[Best].Score, Sum.XMin / Total, Sum.YMin / Total, Sum.Width / Total, Sum.Height / Total, {0}, {0}};
    for (int K = 0; K < DETECTOR_KEYPOINTS; ++K) D->KeypointX[K] = Sum.KeypointX[K] / Total, D->KeypointY[K] = Sum.KeypointY[K] / Total;
  }
  return Written;
}
