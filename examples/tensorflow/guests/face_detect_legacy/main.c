/*
 * face_detect_legacy: the same detector, written against the WasmEdge 0.12
 * imports (what the wasmedge_tensorflow_interface 0.2 crate links to):
 * wasmedge_image_load_jpg_to_rgb32f / _png_to_rgb32f (samples v/255) and
 * wasmedge_tensorflowlite_* with u64 handles and no errno.
 *
 *   face_detect_legacy MODEL.tflite IMAGE
 */
#include <wasmedge_image.h>
#include <wasmedge_tensorflowlite_legacy.h>

#include "ws_read_file.h"
#include "../../../wasi-nn/guests/face_detect/detector.h"
#include "../../../wasi-nn/guests/face_detect/image_size.h"
#include "../face_detect/report.h"

#include <stdio.h>
#include <string.h>

/* get_output_tensor + get_tensor_len + get_tensor_data, as the crate's Session::get_output does. */
static uint32_t read_output(uint64_t Session, const char *Name, void *Out, uint32_t Capacity) {
  uint64_t Tensor = wasmedge_tensorflowlite_get_output_tensor(Session, Name, (uint32_t)strlen(Name));
  uint32_t Length = wasmedge_tensorflowlite_get_tensor_len(Tensor);
  if (Length == 0 || Length > Capacity) return 0;
  wasmedge_tensorflowlite_get_tensor_data(Tensor, Out);
  return Length;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: face_detect_legacy MODEL.tflite IMAGE\n");
    return 2;
  }
  uint32_t ModelLength, FileLength, Width, Height;
  uint8_t *Model = read_file(argv[1], &ModelLength);
  uint8_t *File = read_file(argv[2], &FileLength);
  if (Model == NULL || File == NULL || image_size(File, FileLength, &Width, &Height) != 0) {
    fprintf(stderr, "face_detect_legacy: cannot read the model or the image\n");
    return 1;
  }
  enum { Side = DETECTOR_INPUT_SIZE, Pixels = Side * Side * 3 };
  static float Input[Pixels];
  const int Png = FileLength > 4 && File[0] == 0x89 && File[1] == 'P';
  uint32_t E = Png ? wasmedge_image_load_png_to_rgb32f(File, FileLength, Side, Side, Input)
                   : wasmedge_image_load_jpg_to_rgb32f(File, FileLength, Side, Side, Input);
  if (E != 0) {
    fprintf(stderr, "face_detect_legacy: decoding failed\n");
    return 1;
  }
  for (int I = 0; I < Pixels; ++I) Input[I] = Input[I] * 2.0f - 1.0f; /* [0, 1] → [-1, 1] */

  uint64_t Session = wasmedge_tensorflowlite_create_session(Model, ModelLength);
  if (Session == 0) {
    fprintf(stderr, "face_detect_legacy: the model could not be loaded\n");
    return 1;
  }
  wasmedge_tensorflowlite_append_input(Session, "input", 5, Input, sizeof(Input));
  if (wasmedge_tensorflowlite_run_session(Session) != 0) {
    fprintf(stderr, "face_detect_legacy: run failed\n");
    return 1;
  }
  static float Regressors[DETECTOR_ANCHORS * DETECTOR_COORDS], Scores[DETECTOR_ANCHORS];
  if (read_output(Session, "regressors", Regressors, sizeof(Regressors)) != sizeof(Regressors) ||
      read_output(Session, "classificators", Scores, sizeof(Scores)) != sizeof(Scores)) {
    fprintf(stderr, "face_detect_legacy: missing outputs\n");
    return 1;
  }
  wasmedge_tensorflowlite_delete_session(Session);

  detection Faces[16];
  int Count = detector_decode(Regressors, Scores, Faces, 16);
  report_faces(argv[2], Width, Height, Faces, Count, 0);
  return 0;
}
