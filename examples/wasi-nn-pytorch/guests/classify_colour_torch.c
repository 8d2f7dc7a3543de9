/*
 * Example guest: classifies the dominant colour of PPM images with a small
 * TorchScript CNN that it reads itself and loads with encoding 3 (PyTorch).
 * Usage: classify_colour_torch.wasm MODEL.pt IMAGE.ppm...
 */
#include "../../wasi-nn-onnx/guests/include/colour_classify.h"

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: classify_colour_torch MODEL.pt IMAGE.ppm...\n");
    return 2;
  }
  FILE *File = fopen(argv[1], "rb");
  if (File == NULL) {
    fprintf(stderr, "%s: cannot open the model (is its directory given with --dir?)\n", argv[1]);
    return 1;
  }
  fseek(File, 0, SEEK_END);
  long Size = ftell(File);
  fseek(File, 0, SEEK_SET);
  uint8_t *Model = malloc(Size > 0 ? (size_t)Size : 1);
  if (Size <= 0 || fread(Model, 1, (size_t)Size, File) != (size_t)Size) return 1;
  fclose(File);
  nn_builder Builder = {Model, (uint32_t)Size};
  uint32_t Graph;
  int32_t E = nn_load(&Builder, 1, NN_ENCODING_PYTORCH, NN_TARGET_CPU, &Graph);
  if (E != 0) {
    fprintf(stderr, "load failed with errno %d (is libtorch installed? apt-get install libtorch-dev)\n", E);
    return 1;
  }
  free(Model); /* the host copied what it keeps */
  for (int I = 2; I < argc; ++I)
    if (classify_colour(Graph, argv[I]) != 0) return 1;
  return 0;
}
