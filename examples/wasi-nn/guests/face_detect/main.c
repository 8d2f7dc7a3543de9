/*
 * face_detect: finds faces in a photograph with a real TensorFlow-Lite model.
 *
 *   face_detect MODEL_NAME IMAGE
 *
 * The image is decoded and resized to 128x128 RGB by the wasmedge_image
 * plug-in; the model (preloaded by the host with
 * --nn-preload MODEL_NAME:TensorflowLite:CPU:face_detection_short_range.tflite)
 * runs through wasi_ephemeral_nn. Prints the number of faces and, for each,
 * its score, its box and its six keypoints in pixels of the original image.
 */
#include <wasi_ephemeral_nn.h>
#include <wasmedge_image.h>

#include "detector.h"
#include "image_size.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *const KeypointNames[DETECTOR_KEYPOINTS] = {"right eye", "left eye", "nose tip", "mouth", "right ear", "left ear"};

static uint8_t *read_file(const char *Path, uint32_t *Length) {
  FILE *File = fopen(Path, "rb");
  if (File == NULL) return NULL;
  fseek(File, 0, SEEK_END);
  long Size = ftell(File);
  fseek(File, 0, SEEK_SET);
  uint8_t *Data = malloc(Size > 0 ? (size_t)Size : 1);
  if (Data != NULL && fread(Data, 1, (size_t)Size, File) != (size_t)Size) Data = NULL;
  fclose(File);
  *Length = (uint32_t)Size;
  return Data;
}

static int fail(const char *What, int32_t Errno) {
  fprintf(stderr, "face_detect: %s failed (errno %d)\n", What, Errno);
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: face_detect MODEL_NAME IMAGE\n");
    return 2;
  }
  const char *ModelName = argv[1], *ImagePath = argv[2];
  uint32_t FileLength, Width, Height;
  uint8_t *File = read_file(ImagePath, &FileLength);
  if (File == NULL) {
    fprintf(stderr, "face_detect: cannot read %s (is its folder given with --dir?)\n", ImagePath);
    return 1;
  }
  if (image_size(File, FileLength, &Width, &Height) != 0) {
    fprintf(stderr, "face_detect: %s is not a PNG or JPEG image\n", ImagePath);
    return 1;
  }

  enum { Side = DETECTOR_INPUT_SIZE, Pixels = Side * Side * 3 };
  static uint8_t Rgb[Pixels];
  static float Input[Pixels];
  int32_t E = image_load_image(File, FileLength, Side, Side, IMAGE_RGB8, Rgb, sizeof(Rgb));
  if (E != 0) return fail("wasmedge_image.load_image", E);
  for (int I = 0; I < Pixels; ++I) Input[I] = Rgb[I] / 127.5f - 1.0f; /* the model expects [-1, 1] */

  uint32_t Graph, Context;
  if ((E = nn_load_by_name(ModelName, (uint32_t)strlen(ModelName), &Graph)) != 0)
    return fail("load_by_name (was the model given with --nn-preload?)", E);
  if ((E = nn_init_execution_context(Graph, &Context)) != 0) return fail("init_execution_context", E);
  static const uint32_t Dims[4] = {1, Side, Side, 3};
  nn_tensor Tensor = {Dims, 4, NN_TYPE_F32, (const uint8_t *)Input, sizeof(Input)};
  if ((E = nn_set_input(Context, 0, &Tensor)) != 0) return fail("set_input", E);
  if ((E = nn_compute(Context)) != 0) return fail("compute", E);

  static float Regressors[DETECTOR_ANCHORS * DETECTOR_COORDS], Scores[DETECTOR_ANCHORS];
  uint32_t Written;
  if ((E = nn_get_output(Context, 0, Regressors, sizeof(Regressors), &Written)) != 0 || Written != sizeof(Regressors))
    return fail("get_output 0 (regressors)", E);
  if ((E = nn_get_output(Context, 1, Scores, sizeof(Scores), &Written)) != 0 || Written != sizeof(Scores))
    return fail("get_output 1 (scores)", E);
  nn_finalize_execution_context(Context);
  nn_unload(Graph);

  detection Faces[16];
  int Count = detector_decode(Regressors, Scores, Faces, 16);
  printf("image: %s (%ux%u)\n", ImagePath, Width, Height);
  printf("faces: %d\n", Count);
  for (int F = 0; F < Count; ++F) {
    const detection *D = &Faces[F];
    printf("face %d: score %.2f, box x=%d y=%d w=%d h=%d\n", F + 1, D->Score, (int)(D->XMin * Width + 0.5f),
           (int)(D->YMin * Height + 0.5f), (int)(D->Width * Width + 0.5f), (int)(D->Height * Height + 0.5f));
    for (int K = 0; K < DETECTOR_KEYPOINTS; ++K)
      printf("  %s: (%d, %d)\n", KeypointNames[K], (int)(D->KeypointX[K] * Width + 0.5f), (int)(D->KeypointY[K] * Height + 0.5f));
  }
  return 0;
}
