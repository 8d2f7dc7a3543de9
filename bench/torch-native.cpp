// Native baseline of bench/wasi-nn-pytorch.bench.mjs: the same TorchScript
// model on the same libtorch, called directly: copy a float input into a
// tensor, forward(), copy the output out; one "infer_ns N" line per run.
// It keeps libtorch's default CPU allocator, as a native program would; the
// benchmark runs it and the guest with the same GLIBC_TUNABLES (see there).
// Usage: torch-native MODEL.pt RUNS THREADS D0,D1,...
#include <ATen/Parallel.h>
#include <torch/script.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char **argv) {
  if (argc < 5) return 2;
  int Runs = std::atoi(argv[2]);
  at::set_num_threads(std::atoi(argv[3]));
  std::vector<int64_t> Dims;
  for (char *At = argv[4]; *At != '\0';) {
    Dims.push_back(std::strtoll(At, &At, 10));
    if (*At == ',') At++;
  }
  int64_t Elements = 1;
  for (int64_t D : Dims) Elements *= D;
  std::vector<float> Input(Elements), Output;
  for (int64_t I = 0; I < Elements; ++I) Input[I] = static_cast<float>(I % 255) / 255.0f;
  torch::jit::script::Module Module = torch::jit::load(argv[1], torch::kCPU);
  Module.eval();
  torch::NoGradGuard NoGrad;
  for (int Run = 0; Run < Runs; ++Run) {
    auto Start = std::chrono::steady_clock::now();
    torch::Tensor Tensor = torch::empty(Dims, torch::kFloat32);
    std::memcpy(Tensor.data_ptr<float>(), Input.data(), Input.size() * sizeof(float));
    torch::Tensor Result = Module.forward({Tensor}).toTensor().to(torch::kCPU, torch::kFloat32).contiguous();
    Output.resize(Result.numel());
    std::memcpy(Output.data(), Result.data_ptr<float>(), Output.size() * sizeof(float));
    auto Elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - Start).count();
    std::printf("infer_ns %lld\n", static_cast<long long>(Elapsed));
  }
  return 0;
}
