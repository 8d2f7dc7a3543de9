/*
 * Benchmark guest for the ONNX and PyTorch backends: loads MODEL_FILE with
 * ENCODING, then times RUNS inferences of set_input (float input of the
 * given dimensions) + compute + get_output(0) into an OUTPUT_BYTES buffer.
 *
 *   bench_model MODEL_FILE ENCODING RUNS DIMS OUTPUT_BYTES     e.g. DIMS 1,3,64,64
 *
 * Prints "load_ns N" and "init_ns N", then one "infer_ns N" line per run
 * (WASI's monotonic clock).
 */
#include <wasi_ephemeral_nn.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t now_ns(void) {
  struct timespec Time;
  clock_gettime(CLOCK_MONOTONIC, &Time);
  return (uint64_t)Time.tv_sec * 1000000000u + (uint64_t)Time.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 6) return 2;
  FILE *File = fopen(argv[1], "rb");
  if (File == NULL) return 2;
  fseek(File, 0, SEEK_END);
  long Size = ftell(File);
  fseek(File, 0, SEEK_SET);
  uint8_t *Model = malloc((size_t)Size);
  if (fread(Model, 1, (size_t)Size, File) != (size_t)Size) return 2;
  fclose(File);
  uint32_t Encoding = (uint32_t)atoi(argv[2]);
  int Runs = atoi(argv[3]);
  uint32_t Dims[8], DimCount = 0, Elements = 1;
  for (char *At = argv[4]; *At != '\0' && DimCount < 8;) {
    Dims[DimCount] = (uint32_t)strtoul(At, &At, 10);
    Elements *= Dims[DimCount++];
    if (*At == ',') At++;
  }
  uint32_t OutputBytes = (uint32_t)strtoul(argv[5], NULL, 10);
  float *Input = malloc(Elements * sizeof(float));
  uint8_t *Output = malloc(OutputBytes);
  for (uint32_t I = 0; I < Elements; ++I) Input[I] = (float)(I % 255) / 255.0f;

  nn_builder Builder = {Model, (uint32_t)Size};
  uint32_t Graph, Context, Written;
  uint64_t Start = now_ns();
  if (nn_load(&Builder, 1, Encoding, NN_TARGET_CPU, &Graph) != 0) return 3;
  printf("load_ns %llu\n", (unsigned long long)(now_ns() - Start));
  Start = now_ns();
  if (nn_init_execution_context(Graph, &Context) != 0) return 4;
  printf("init_ns %llu\n", (unsigned long long)(now_ns() - Start));
  nn_tensor Tensor = {Dims, DimCount, NN_TYPE_F32, (const uint8_t *)Input, Elements * (uint32_t)sizeof(float)};
  for (int Run = 0; Run < Runs; ++Run) {
    Start = now_ns();
    if (nn_set_input(Context, 0, &Tensor) != 0) return 5;
    if (nn_compute(Context) != 0) return 6;
    if (nn_get_output(Context, 0, Output, OutputBytes, &Written) != 0) return 7;
    printf("infer_ns %llu\n", (unsigned long long)(now_ns() - Start));
  }
  return 0;
}
