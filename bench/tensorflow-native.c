/*
 * The native side of bench/tensorflow.bench.mjs: the same inference loop as
 * packages/tensorflow/guests/bench_infer.c, on the TFLite C API called
 * directly (through the same run-time binding the plug-ins use,
 * native/wasi-nn/backends/tflite/tflite_api.c), same thread count.
 *   tensorflow-native LIBTFLITE MODEL N THREADS INPUT_NAME INPUT_BYTES OUTPUT_NAME...
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tflite_api.h"

static long long now_ns(void) {
  struct timespec T;
  clock_gettime(CLOCK_MONOTONIC, &T);
  return (long long)T.tv_sec * 1000000000LL + T.tv_nsec;
}

static const char *(*TensorName)(const TfLiteTensor *);

static int find(tflite_api *Api, TfLiteInterpreter *Interpreter, int Output, const char *Name) {
  int Count = Output ? Api->OutputCount(Interpreter) : Api->InputCount(Interpreter);
  for (int I = 0; I < Count; ++I) {
    const TfLiteTensor *T = Output ? Api->OutputTensor(Interpreter, I) : Api->InputTensor(Interpreter, I);
    if (strcmp(TensorName(T), Name) == 0) return I;
  }
  return -1;
}

int main(int argc, char **argv) {
  if (argc < 8) return 2;
  tflite_api Api;
  char Err[512];
  if (tflite_api_open(&Api, argv[1], Err, sizeof(Err)) != 0) {
    fprintf(stderr, "%s\n", Err);
    return 3;
  }
  *(void **)(&TensorName) = dlsym(Api.Library, "TfLiteTensorName");
  FILE *File = fopen(argv[2], "rb");
  if (File == NULL) return 4;
  fseek(File, 0, SEEK_END);
  long Size = ftell(File);
  fseek(File, 0, SEEK_SET);
  void *Model = malloc(Size);
  if (fread(Model, 1, Size, File) != (size_t)Size) return 4;
  fclose(File);
  const int N = atoi(argv[3]);
  const int Threads = atoi(argv[4]);
  const char *InputName = argv[5];
  const size_t InputBytes = (size_t)atoi(argv[6]);
  const int Outputs = argc - 7;
  float *Input = malloc(InputBytes);
  for (size_t I = 0; I < InputBytes / 4; ++I) Input[I] = (float)((I * 37) % 255) / 127.5f - 1.0f;

  TfLiteModel *Parsed = Api.ModelCreate(Model, Size);
  TfLiteInterpreterOptions *Options = Api.OptionsCreate();
  Api.OptionsSetNumThreads(Options, Threads);
  TfLiteInterpreter *Interpreter = Api.InterpreterCreate(Parsed, Options);
  Api.OptionsDelete(Options);
  Api.ModelDelete(Parsed);
  if (Interpreter == NULL || Api.AllocateTensors(Interpreter) != 0) return 5;
  int InputIndex = find(&Api, Interpreter, 0, InputName), OutputIndex[16];
  void *Buffer[16];
  for (int O = 0; O < Outputs && O < 16; ++O) {
    OutputIndex[O] = find(&Api, Interpreter, 1, argv[7 + O]);
    if (OutputIndex[O] < 0) return 6;
    Buffer[O] = malloc(Api.TensorByteSize(Api.OutputTensor(Interpreter, OutputIndex[O])));
  }
  if (InputIndex < 0) return 6;
  for (int K = 0; K < N; ++K) {
    long long Start = now_ns();
    /* Same work as the guest's calls: find the tensors by name, copy in, invoke, copy out. */
    TfLiteTensor *In = Api.InputTensor(Interpreter, find(&Api, Interpreter, 0, InputName));
    if (Api.TensorByteSize(In) != InputBytes) return 7;
    memcpy(Api.TensorData(In), Input, InputBytes);
    if (Api.Invoke(Interpreter) != 0) return 8;
    for (int O = 0; O < Outputs; ++O) {
      const TfLiteTensor *Out = Api.OutputTensor(Interpreter, OutputIndex[O]);
      memcpy(Buffer[O], Api.TensorData(Out), Api.TensorByteSize(Out));
    }
    printf("ns=%lld\n", now_ns() - Start);
  }
  printf("first=%g\n", ((float *)Buffer[Outputs - 1])[0]);
  return 0;
}
