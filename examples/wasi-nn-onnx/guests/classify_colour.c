/*
 * Example guest: classifies the dominant colour of PPM images with an ONNX
 * CNN that the host preloads under the name "colour"
 * (--nn-preload colour:ONNX:CPU:colour_classifier.onnx).
 * Usage: classify_colour.wasm IMAGE.ppm...
 */
#include "include/colour_classify.h"

#include <string.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: classify_colour IMAGE.ppm...\n");
    return 2;
  }
  uint32_t Graph;
  int32_t E = nn_load_by_name("colour", 6, &Graph);
  if (E != 0) {
    fprintf(stderr, "load_by_name(\"colour\") failed with errno %d: start ws with --nn-preload colour:ONNX:CPU:<model.onnx>\n", E);
    return 1;
  }
  for (int I = 1; I < argc; ++I)
    if (classify_colour(Graph, argv[I]) != 0) return 1;
  return 0;
}
