/*
 * face_detect: finds faces in a photograph with MediaPipe's TensorFlow-Lite
 * face detector through module wasmedge_tensorflowlite (current ABI,
 * WasmEdge 0.13+), on pixels decoded and resized by wasmedge_image.
 *
 *   face_detect MODEL.tflite IMAGE
 *
 * The guest reads the model file itself (through WASI) and hands its bytes to
 * create_session. Prints the faces with their score, box and six keypoints
 * in pixels of the original image.
 */
#include <wasmedge_image.h>
#include <wasmedge_tensorflowlite.h>

#include "ws_read_file.h"
#include "../../../wasi-nn/guests/face_detect/detector.h"
#include "../../../wasi-nn/guests/face_detect/image_size.h"
#include "report.h"

#include <stdio.h>
#include <string.h>


static int fail(const char *What, int32_t Errno) {
  fprintf(stderr, "face_detect: %s failed (errno %d)\n", What, Errno);
  return 1;
}

/* Copies the output tensor Name (exactly Length bytes) into Out. */
static int32_t read_output(uint32_t Session, const char *Name, void *Out, uint32_t Length) {
  uint32_t Tensor, Written;
  int32_t E = tfl_get_output_tensor(Session, Name, (uint32_t)strlen(Name), &Tensor);
  if (E == 0) E = tfl_get_tensor_data(Session, Tensor, Out, Length, &Written);
  return E;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: face_detect MODEL.tflite IMAGE\n");
    return 2;
  }
  uint32_t ModelLength, FileLength, Width, Height;
  uint8_t *Model = read_file(argv[1], &ModelLength);
  uint8_t *File = read_file(argv[2], &FileLength);
  if (Model == NULL || File == NULL) {
    fprintf(stderr, "face_detect: cannot read %s (is its folder given with --dir?)\n", Model == NULL ? argv[1] : argv[2]);
    return 1;
  }
  if (image_size(File, FileLength, &Width, &Height) != 0) {
    fprintf(stderr, "face_detect: %s is not a PNG or JPEG image\n", argv[2]);
    return 1;
  }

  enum { Side = DETECTOR_INPUT_SIZE, Pixels = Side * Side * 3 };
  static uint8_t Rgb[Pixels];
  static float Input[Pixels];
  int32_t E = image_load_image(File, FileLength, Side, Side, IMAGE_RGB8, Rgb, sizeof(Rgb));
  if (E != 0) return fail("wasmedge_image.load_image", E);
  for (int I = 0; I < Pixels; ++I) Input[I] = Rgb[I] / 127.5f - 1.0f; /* the model expects [-1, 1] */

  uint32_t Session;
  if ((E = tfl_create_session(Model, ModelLength, &Session)) != 0) return fail("create_session", E);
  if ((E = tfl_append_input(Session, "input", 5, Input, sizeof(Input))) != 0) return fail("append_input", E);
  if ((E = tfl_run_session(Session)) != 0) return fail("run_session", E);
  static float Regressors[DETECTOR_ANCHORS * DETECTOR_COORDS], Scores[DETECTOR_ANCHORS];
  if ((E = read_output(Session, "regressors", Regressors, sizeof(Regressors))) != 0) return fail("regressors", E);
  if ((E = read_output(Session, "classificators", Scores, sizeof(Scores))) != 0) return fail("classificators", E);
  tfl_delete_session(Session);

  detection Faces[16];
  int Count = detector_decode(Regressors, Scores, Faces, 16);
  report_faces(argv[2], Width, Height, Faces, Count, 1);
  return 0;
}
