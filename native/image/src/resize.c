#include "resize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- Filter kernels (support radius 2 at scale 1) ------------------------- */

/* Mitchell-Netravali with B = C = 1/3. */
static double mitchell(double X) {
  X = fabs(X);
  if (X < 1.0) return (16.0 + X * X * (21.0 * X - 36.0)) / 18.0;
  if (X < 2.0) return (32.0 + X * (-60.0 + X * (36.0 - 7.0 * X))) / 18.0;
  return 0.0;
}

/* Catmull-Rom (B = 0, C = 1/2): interpolating, so whole-pixel steps are exact. */
static double catmull_rom(double X) {
  X = fabs(X);
  if (X < 1.0) return 1.0 - X * X * (2.5 - 1.5 * X);
  if (X < 2.0) return 2.0 - X * (4.0 - X * (2.5 - 0.5 * X));
  return 0.0;
}

/* ---- Per-axis contributions ------------------------------------------------ */

/* Output pixel I reads source pixels First[I] .. First[I]+Count[I]-1 with the
 * weights at Weights[Offset[I]..]. Weights of one output pixel sum to 1. */
typedef struct axis_plan {
  uint32_t *First;
  uint32_t *Count;
  size_t *Offset;
  float *Weights;
  uint32_t MaxCount;
} axis_plan;

static void axis_plan_free(axis_plan *Plan) {
  free(Plan->First);
  free(Plan->Count);
  free(Plan->Offset);
  free(Plan->Weights);
  memset(Plan, 0, sizeof(*Plan));
}

static int64_t clamp_index(int64_t Index, uint32_t Size) {
  if (Index < 0) return 0;
  if (Index >= (int64_t)Size) return (int64_t)Size - 1;
  return Index;
}

/* Fills one output pixel's contributions; returns the number of weights. */
static uint32_t plan_pixel(uint32_t I, uint32_t InSize, uint32_t OutSize, float *Weights,
                           uint32_t *First) {
  const double Ratio = (double)InSize / (double)OutSize;
  const bool Downscale = OutSize < InSize;
  const double FilterScale = Downscale ? Ratio : 1.0;
  const double Support = 2.0 * FilterScale;
  const double Center = ((double)I + 0.5) * Ratio; /* in source pixel units */
  const int64_t Low = (int64_t)ceil(Center - Support - 0.5);
  const int64_t High = (int64_t)floor(Center + Support - 0.5);
  const int64_t FirstIndex = clamp_index(Low, InSize);
  const uint32_t Count = (uint32_t)(clamp_index(High, InSize) - FirstIndex + 1);
  /* Taps outside the picture are clamped onto the edge pixel (edge mode clamp). */
  memset(Weights, 0, Count * sizeof(float));
  double Total = 0.0;
  for (int64_t J = Low; J <= High; ++J) {
    const double Distance = ((double)J + 0.5 - Center) / FilterScale;
    const double Weight = Downscale ? mitchell(Distance) : catmull_rom(Distance);
    Weights[clamp_index(J, InSize) - FirstIndex] += (float)Weight;
    Total += Weight;
  }
  if (Total == 0.0) { /* cannot happen with these kernels; keep the nearest pixel */
    memset(Weights, 0, Count * sizeof(float));
    Weights[clamp_index((int64_t)floor(Center), InSize) - FirstIndex] = 1.0f;
    Total = 1.0;
  }
  for (uint32_t K = 0; K < Count; ++K) Weights[K] = (float)(Weights[K] / Total);
  *First = (uint32_t)FirstIndex;
  return Count;
}

/* Upper bound of the weights one output pixel can have. */
static uint64_t max_taps(uint32_t InSize, uint32_t OutSize) {
  if (InSize == OutSize) return 1;
  const double FilterScale = OutSize < InSize ? (double)InSize / OutSize : 1.0;
  const uint64_t Taps = (uint64_t)floor(4.0 * FilterScale) + 2;
  return Taps < InSize ? Taps : InSize;
}

static ws_image_status axis_plan_init(axis_plan *Plan, uint32_t InSize, uint32_t OutSize,
                                      uint64_t *Budget) {
  memset(Plan, 0, sizeof(*Plan));
  const uint64_t Taps = max_taps(InSize, OutSize);
  const uint64_t Bytes = (uint64_t)OutSize * (Taps * sizeof(float) + 2 * sizeof(uint32_t) + sizeof(size_t));
  if (Bytes > *Budget) return WS_IMAGE_TOO_LARGE;
  *Budget -= Bytes;
  Plan->First = malloc(OutSize * sizeof(uint32_t));
  Plan->Count = malloc(OutSize * sizeof(uint32_t));
  Plan->Offset = malloc(OutSize * sizeof(size_t));
  Plan->Weights = malloc((size_t)(OutSize * Taps) * sizeof(float));
  if (!Plan->First || !Plan->Count || !Plan->Offset || !Plan->Weights) {
    axis_plan_free(Plan);
    return WS_IMAGE_NO_MEMORY;
  }
  size_t Offset = 0;
  for (uint32_t I = 0; I < OutSize; ++I) {
    Plan->Offset[I] = Offset;
    if (InSize == OutSize) { /* a copy: no filter at all, as in stb */
      Plan->First[I] = I;
      Plan->Count[I] = 1;
      Plan->Weights[Offset] = 1.0f;
    } else {
      Plan->Count[I] = plan_pixel(I, InSize, OutSize, Plan->Weights + Offset, &Plan->First[I]);
    }
    if (Plan->Count[I] > Plan->MaxCount) Plan->MaxCount = Plan->Count[I];
    Offset += Plan->Count[I];
  }
  return WS_IMAGE_OK;
}

/* ---- Passes ------------------------------------------------------------- */

static void convert_row(const uint8_t *Row, size_t Samples, const float *Table, float *Converted) {
  for (size_t X = 0; X < Samples; ++X) Converted[X] = Table[Row[X]];
}

/* Horizontal filter of one row of InWidth*3 floats into OutWidth*3 floats. */
static void filter_horizontally(const float *Row, uint32_t InWidth, const axis_plan *Horizontal,
                                uint32_t OutWidth, float *Result) {
  if (InWidth == OutWidth) {
    memcpy(Result, Row, (size_t)OutWidth * 3 * sizeof(float));
    return;
  }
  for (uint32_t X = 0; X < OutWidth; ++X) {
    const float *Weights = Horizontal->Weights + Horizontal->Offset[X];
    const float *Source = Row + (size_t)Horizontal->First[X] * 3;
    float R = 0.0f, G = 0.0f, B = 0.0f;
    for (uint32_t K = 0; K < Horizontal->Count[X]; ++K) {
      R += Weights[K] * Source[K * 3];
      G += Weights[K] * Source[K * 3 + 1];
      B += Weights[K] * Source[K * 3 + 2];
    }
    Result[X * 3] = R;
    Result[X * 3 + 1] = G;
    Result[X * 3 + 2] = B;
  }
}

/* Sum = sum over K of Weights[K] * Rows[K], rows of Samples floats taken from
 * a ring. Contiguous: the compiler vectorises it. */
static void filter_vertically(const float *Ring, uint32_t RingRows, size_t Samples, uint32_t First,
                              uint32_t Count, const float *Weights, float *Sum) {
  const float *Row = Ring + Samples * (First % RingRows);
  for (size_t X = 0; X < Samples; ++X) Sum[X] = Weights[0] * Row[X];
  for (uint32_t K = 1; K < Count; ++K) {
    Row = Ring + Samples * ((First + K) % RingRows);
    const float Weight = Weights[K];
    for (size_t X = 0; X < Samples; ++X) Sum[X] += Weight * Row[X];
  }
}

static void store_row(const float *Values, uint32_t Width, const ws_resize_target *Target,
                      uint8_t *Destination) {
  const int Red = Target->SwapRedBlue ? 2 : 0;
  const int Blue = 2 - Red;
  if (Target->Float) {
    for (uint32_t X = 0; X < Width; ++X) {
      const float Pixel[3] = {Values[X * 3 + Red], Values[X * 3 + 1], Values[X * 3 + Blue]};
      memcpy(Destination + (size_t)X * 12, Pixel, sizeof(Pixel)); /* little-endian hosts only */
    }
    return;
  }
  for (uint32_t X = 0; X < Width; ++X) {
    const float Pixel[3] = {Values[X * 3 + Red], Values[X * 3 + 1], Values[X * 3 + Blue]};
    for (int C = 0; C < 3; ++C) {
      const float V = Pixel[C];
      Destination[(size_t)X * 3 + C] = V <= 0.0f ? 0 : V >= 255.0f ? 255 : (uint8_t)(V + 0.5f);
    }
  }
}

/*
 * Two orders, chosen per call. The vertical filter runs over contiguous rows
 * and vectorises; the horizontal one does not. So when the height shrinks,
 * filter vertically first (fewer rows reach the horizontal filter); otherwise
 * horizontally first (fewer columns reach the vertical filter).
 *
 * Rows that feed the vertical filter (converted source rows, or horizontally
 * filtered ones) are kept in a ring of RingRows rows: row J lives in slot
 * J % RingRows. Output rows read non-decreasing source windows, each at most
 * RingRows tall, so a row is prepared once and never evicted while needed.
 */
/* Ring size up to which the faster vertical-first order is used regardless of
 * the memory the other order would need. */
#define WS_RESIZE_PREFERRED_RING_BYTES (UINT64_C(64) << 20)

typedef struct resize_job {
  axis_plan Horizontal;
  axis_plan Vertical;
  bool VerticalFirst;
  size_t RingSamples; /* floats per ring row */
  float *Ring;
  float *Scratch;     /* one converted source row (horizontal first) */
  float *Sum;         /* one vertically filtered row */
  float *Result;      /* one output row (vertical first) */
  uint32_t RingRows;
} resize_job;

static void resize_job_free(resize_job *Job) {
  axis_plan_free(&Job->Horizontal);
  axis_plan_free(&Job->Vertical);
  free(Job->Ring);
  free(Job->Scratch);
  free(Job->Sum);
  free(Job->Result);
}

static ws_image_status resize_job_init(resize_job *Job, const ws_rgb8_image *Source,
                                       const ws_resize_target *Target) {
  memset(Job, 0, sizeof(*Job));
  uint64_t Budget = WS_IMAGE_MAX_RESIZE_BUFFER;
  ws_image_status Status = axis_plan_init(&Job->Horizontal, Source->Width, Target->Width, &Budget);
  if (Status == WS_IMAGE_OK) Status = axis_plan_init(&Job->Vertical, Source->Height, Target->Height, &Budget);
  if (Status != WS_IMAGE_OK) return Status;
  Job->RingRows = Job->Vertical.MaxCount;
  const uint64_t InSamples = (uint64_t)Source->Width * 3, OutSamples = (uint64_t)Target->Width * 3;
  /* Vertical first keeps RingRows full-width source rows. For an extreme
   * shrink of a big picture (10000x10000 -> 2x2: 10000 rows of 30000 floats)
   * that ring is what exceeds the budget, while the horizontal-first ring of
   * output-width rows stays tiny: take the speed only while the ring is small. */
  const uint64_t VerticalFirstRing = InSamples * Job->RingRows * sizeof(float);
  Job->VerticalFirst = Target->Height < Source->Height &&
                       (VerticalFirstRing <= WS_RESIZE_PREFERRED_RING_BYTES || InSamples <= OutSamples);
  Job->RingSamples = (size_t)(Job->VerticalFirst ? InSamples : OutSamples);
  const uint64_t Floats = (uint64_t)Job->RingSamples * Job->RingRows +
                          (Job->VerticalFirst ? InSamples + OutSamples : InSamples + OutSamples);
  if (Floats * sizeof(float) > Budget) return WS_IMAGE_TOO_LARGE;
  Job->Ring = malloc(Job->RingSamples * Job->RingRows * sizeof(float));
  if (Job->VerticalFirst) {
    Job->Sum = malloc((size_t)InSamples * sizeof(float));
    Job->Result = malloc((size_t)OutSamples * sizeof(float));
    if (!Job->Ring || !Job->Sum || !Job->Result) return WS_IMAGE_NO_MEMORY;
  } else {
    Job->Scratch = malloc((size_t)InSamples * sizeof(float));
    Job->Sum = malloc((size_t)OutSamples * sizeof(float));
    if (!Job->Ring || !Job->Scratch || !Job->Sum) return WS_IMAGE_NO_MEMORY;
  }
  return WS_IMAGE_OK;
}

ws_image_status ws_resize(const ws_rgb8_image *Source, const ws_resize_target *Target) {
  if (Source->Pixels == NULL || Source->Width == 0 || Source->Height == 0 || Target->Width == 0 ||
      Target->Height == 0)
    return WS_IMAGE_CORRUPT; /* the pipeline never asks for this; keep the divisions safe anyway */
  resize_job Job;
  ws_image_status Status = resize_job_init(&Job, Source, Target);
  if (Status != WS_IMAGE_OK) {
    resize_job_free(&Job);
    return Status;
  }
  const size_t InSamples = (size_t)Source->Width * 3;
  const size_t TargetStride = (size_t)Target->Width * 3 * (Target->Float ? sizeof(float) : 1);
  uint32_t NextSourceRow = 0;
  for (uint32_t Y = 0; Y < Target->Height; ++Y) {
    const uint32_t First = Job.Vertical.First[Y];
    const uint32_t Count = Job.Vertical.Count[Y];
    if (NextSourceRow < First) NextSourceRow = First;
    for (; NextSourceRow < First + Count; ++NextSourceRow) {
      const uint8_t *Row = Source->Pixels + InSamples * NextSourceRow;
      float *Slot = Job.Ring + Job.RingSamples * (NextSourceRow % Job.RingRows);
      if (Job.VerticalFirst) {
        convert_row(Row, InSamples, Target->SampleTable, Slot);
      } else {
        convert_row(Row, InSamples, Target->SampleTable, Job.Scratch);
        filter_horizontally(Job.Scratch, Source->Width, &Job.Horizontal, Target->Width, Slot);
      }
    }
    const float *Weights = Job.Vertical.Weights + Job.Vertical.Offset[Y];
    filter_vertically(Job.Ring, Job.RingRows, Job.RingSamples, First, Count, Weights, Job.Sum);
    const float *Output = Job.Sum;
    if (Job.VerticalFirst) {
      filter_horizontally(Job.Sum, Source->Width, &Job.Horizontal, Target->Width, Job.Result);
      Output = Job.Result;
    }
    store_row(Output, Target->Width, Target, Target->Destination + TargetStride * Y);
  }
  resize_job_free(&Job);
  return WS_IMAGE_OK;
}
