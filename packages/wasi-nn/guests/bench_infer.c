/*
 * Benchmark guest: loads a model from a preopened file (timing the first and
 * a second load, and init_execution_context), then times RUNS inferences of
 * set_input + compute + get_output (every output) with a fixed F32 input.
 *
 *   bench_infer MODEL_FILE RUNS INPUT_BYTES OUTPUT_BYTES...
 *
 * Prints "load_cold_ns N", "load_warm_ns N", "init_ns N", then one
 * "infer_ns TOTAL COMPUTE" line per run (COMPUTE: the compute call alone).
 * The timer is WASI's monotonic clock.
 */
#include <wasi_ephemeral_nn.h>

#include "ws_read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t now_ns(void) {
  struct timespec Time;
  clock_gettime(CLOCK_MONOTONIC, &Time);
  return (uint64_t)Time.tv_sec * 1000000000u + (uint64_t)Time.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 5) return 2;
  uint32_t ModelLength;
  uint8_t *Model = read_file_or_exit(argv[1], &ModelLength);
  int Runs = atoi(argv[2]);
  uint32_t InputBytes = (uint32_t)strtoul(argv[3], NULL, 10);
  int OutputCount = argc - 4;
  uint32_t OutputBytes[8];
  uint8_t *Outputs[8];
  for (int I = 0; I < OutputCount && I < 8; ++I) {
    OutputBytes[I] = (uint32_t)strtoul(argv[4 + I], NULL, 10);
    Outputs[I] = malloc(OutputBytes[I]);
  }
  float *Input = malloc(InputBytes);
  for (uint32_t I = 0; I < InputBytes / 4; ++I) Input[I] = (float)(I % 255) / 127.5f - 1.0f;

  nn_builder Builder = {Model, ModelLength};
  uint32_t Graph, Spare, Context;
  uint64_t Start = now_ns();
  if (nn_load(&Builder, 1, NN_ENCODING_TENSORFLOWLITE, NN_TARGET_CPU, &Spare) != 0) return 3;
  printf("load_cold_ns %llu\n", (unsigned long long)(now_ns() - Start));
  Start = now_ns();
  if (nn_load(&Builder, 1, NN_ENCODING_TENSORFLOWLITE, NN_TARGET_CPU, &Graph) != 0) return 3;
  printf("load_warm_ns %llu\n", (unsigned long long)(now_ns() - Start));
  nn_unload(Spare);
  Start = now_ns();
  if (nn_init_execution_context(Graph, &Context) != 0) return 4;
  printf("init_ns %llu\n", (unsigned long long)(now_ns() - Start));

  /* Dimensions as one flat vector: the plug-in checks the element count. */
  uint32_t Dims[1] = {InputBytes / 4};
  nn_tensor Tensor = {Dims, 1, NN_TYPE_F32, (const uint8_t *)Input, InputBytes};
  for (int Run = 0; Run < Runs; ++Run) {
    Start = now_ns();
    if (nn_set_input(Context, 0, &Tensor) != 0) return 5;
    uint64_t ComputeStart = now_ns();
    if (nn_compute(Context) != 0) return 6;
    uint64_t ComputeNs = now_ns() - ComputeStart;
    for (int I = 0; I < OutputCount; ++I) {
      uint32_t Written;
      if (nn_get_output(Context, (uint32_t)I, Outputs[I], OutputBytes[I], &Written) != 0) return 7;
    }
    printf("infer_ns %llu %llu\n", (unsigned long long)(now_ns() - Start), (unsigned long long)ComputeNs);
  }
  return 0;
}
