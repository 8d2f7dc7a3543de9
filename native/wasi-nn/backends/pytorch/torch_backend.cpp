/*
 * PyTorch backend of wasi_nn (libws_wasi_nn_pytorch.so, encoding 3) on
 * libtorch (TorchScript). Behaviour follows WasmEdge's wasinn_torch.cpp
 * (spec A.8.3):
 *   load       exactly 1 builder: TorchScript bytes (or "preload:<path>" from
 *              --nn-preload only); CPU only (GPU needs CUDA, which this
 *              libtorch lacks; TPU and AUTO are refused); a model libtorch
 *              cannot read is InvalidArgument
 *   set_input  F32 only; any index (every slot must be set before compute);
 *              the data is copied
 *   compute    forward(inputs...); the result must be a tensor, a list of
 *              tensors or a tuple of tensors (else InvalidArgument); outputs
 *              are replaced on every compute (WasmEdge appends them)
 *   get_output output Index as contiguous CPU f32, numel*4 bytes
 * Stricter than WasmEdge where WasmEdge reads out of bounds: the byte size
 * must equal the product of the dimensions times 4. A forward() that throws
 * (e.g. a wrong input shape) is RuntimeError.
 *
 * Memory: libtorch's CPU allocator is replaced by a cache of freed blocks
 * (block_cache.cpp), so repeated inferences reuse their activations' memory.
 *
 * This library links libtorch; it is dlopened only when a guest loads a
 * PyTorch graph, so nobody else needs libtorch installed.
 */
#include "../../backend.h"
#include "block_cache.h"

#include <ATen/Parallel.h>
#include <torch/script.h>
#include <torch/version.h>

#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct TorchGraph {
  torch::jit::script::Module Module;
  int Threads;
};

struct TorchContext {
  TorchGraph *Graph;
  std::vector<torch::Tensor> Inputs;  // an undefined tensor marks an unset slot
  std::vector<torch::Tensor> Outputs;
};

/* Graphs and contexts alive; when none is left the cached blocks are freed. */
std::atomic<int> LiveObjects{0};

void object_released() {
  if (LiveObjects.fetch_sub(1) == 1) ws_torch::drop_cached_blocks();
}

int torch_open(const ws_nn_backend_settings *Settings, char *Err, size_t ErrLen) {
  try {
    ws_torch::install_block_cache(); /* before any model allocates */
    at::set_num_threads(static_cast<int>(Settings->Threads));
    return 0;
  } catch (const std::exception &Error) {
    std::snprintf(Err, ErrLen, "libtorch could not start: %s", Error.what());
    return -1;
  }
}

uint32_t torch_load(const ws_nn_bytes *Builders, uint32_t BuilderCount, uint32_t Target,
                    const ws_nn_backend_settings *Settings, void **GraphOut) {
  if (BuilderCount != 1 || Builders[0].Length == 0) return WS_NN_INVALID_ARGUMENT;
  if (Target != WS_NN_TARGET_CPU) {
    std::fprintf(stderr, "[ws:wasi-nn] PyTorch: only the CPU target is available (got target %u). Load with CPU.\n",
                 Target);
    return WS_NN_INVALID_ARGUMENT;
  }
  const char *Data = reinterpret_cast<const char *>(Builders[0].Data);
  const int Threads = static_cast<int>(Settings->Threads);
  std::string Bytes(Data, Builders[0].Length);
  auto *Graph = new (std::nothrow) TorchGraph();
  if (Graph == nullptr) return WS_NN_RUNTIME_ERROR;
  Graph->Threads = Threads;
  try {
    static const char Prefix[] = "preload:";
    if (Bytes.compare(0, sizeof(Prefix) - 1, Prefix) == 0) {
      /* Only the generic layer's preload list produces this form. */
      Graph->Module = torch::jit::load(Bytes.substr(sizeof(Prefix) - 1), torch::kCPU);
    } else {
      std::istringstream Stream(Bytes);
      Graph->Module = torch::jit::load(Stream, torch::kCPU);
    }
    Graph->Module.eval();
  } catch (const std::exception &Error) {
    std::string Message = Error.what();
    std::fprintf(stderr, "[ws:wasi-nn] PyTorch: cannot load the model: %s\n", Message.substr(0, Message.find('\n')).c_str());
    delete Graph;
    if (LiveObjects.load() == 0) ws_torch::drop_cached_blocks(); /* what the failed load had allocated */
    return WS_NN_INVALID_ARGUMENT;
  }
  LiveObjects.fetch_add(1);
  *GraphOut = Graph;
  return WS_NN_SUCCESS;
}

void torch_graph_release(void *Graph) {
  if (Graph == nullptr) return;
  delete static_cast<TorchGraph *>(Graph);
  object_released();
}

uint32_t torch_init_context(void *Graph, void **ContextOut) {
  if (Graph == nullptr) return WS_NN_MISSING_MEMORY;
  auto *Context = new (std::nothrow) TorchContext();
  if (Context == nullptr) return WS_NN_RUNTIME_ERROR;
  Context->Graph = static_cast<TorchGraph *>(Graph);
  LiveObjects.fetch_add(1);
  *ContextOut = Context;
  return WS_NN_SUCCESS;
}

void torch_context_release(void *Context) {
  if (Context == nullptr) return;
  delete static_cast<TorchContext *>(Context);
  object_released();
}

/* A limit on input slots, so a guest cannot make the host allocate a vector
 * of 2^32 tensors. */
constexpr uint32_t MaxInputs = 256;
constexpr uint32_t MaxRank = 16;

uint32_t torch_set_input(void *Opaque, uint32_t Index, const ws_nn_tensor *Tensor) {
  auto *Context = static_cast<TorchContext *>(Opaque);
  if (!(Tensor->TypeCandidates & WS_NN_TYPE_BIT(WS_NN_TENSOR_F32))) return WS_NN_INVALID_ARGUMENT;
  if (Index >= MaxInputs || Tensor->DimCount > MaxRank) return WS_NN_INVALID_ARGUMENT;
  std::vector<int64_t> Dims(Tensor->DimCount);
  uint64_t Elements = 1;
  for (uint32_t I = 0; I < Tensor->DimCount; ++I) {
    uint32_t Dim;
    std::memcpy(&Dim, &Tensor->Dims[I], sizeof(Dim));
    Dims[I] = Dim;
    Elements *= Dim;
    if (Elements > UINT32_MAX) return WS_NN_INVALID_ARGUMENT;
  }
  if (Elements * 4 != Tensor->DataLength) return WS_NN_INVALID_ARGUMENT;
  try {
    torch::Tensor Input = torch::empty(Dims, torch::kFloat32);
    if (Tensor->DataLength > 0) std::memcpy(Input.data_ptr<float>(), Tensor->Data, Tensor->DataLength);
    if (Context->Inputs.size() <= Index) Context->Inputs.resize(Index + 1);
    Context->Inputs[Index] = std::move(Input);
  } catch (const std::exception &) {
    return WS_NN_RUNTIME_ERROR;
  }
  return WS_NN_SUCCESS;
}

/* Collects the tensors of a forward() result; false for any other value. */
bool collect_outputs(const c10::IValue &Result, std::vector<torch::Tensor> &Out) {
  if (Result.isTensor()) {
    Out.push_back(Result.toTensor());
    return true;
  }
  if (Result.isTensorList()) {
    for (const torch::Tensor &Tensor : Result.toTensorVector()) Out.push_back(Tensor);
    return true;
  }
  if (Result.isTuple()) {
    for (const c10::IValue &Element : Result.toTupleRef().elements()) {
      if (!Element.isTensor()) return false;
      Out.push_back(Element.toTensor());
    }
    return true;
  }
  return false;
}

uint32_t torch_compute(void *Opaque) {
  auto *Context = static_cast<TorchContext *>(Opaque);
  if (Context->Inputs.empty()) return WS_NN_INVALID_ARGUMENT;
  std::vector<c10::IValue> Arguments;
  for (const torch::Tensor &Input : Context->Inputs) {
    if (!Input.defined()) return WS_NN_INVALID_ARGUMENT; /* a slot below the highest index was never set */
    Arguments.emplace_back(Input);
  }
  Context->Outputs.clear();
  try {
    /* libtorch's OpenMP thread count is per calling thread, and host calls
     * may come from another thread than the one that opened the backend. */
    if (at::get_num_threads() != Context->Graph->Threads) at::set_num_threads(Context->Graph->Threads);
    torch::NoGradGuard NoGrad;
    c10::IValue Result = Context->Graph->Module.forward(Arguments);
    std::vector<torch::Tensor> Outputs;
    if (!collect_outputs(Result, Outputs)) {
      std::fprintf(stderr, "[ws:wasi-nn] PyTorch: forward() returned %s; only a tensor, a list or a tuple of tensors "
                           "can be read with get_output.\n", Result.tagKind().c_str());
      return WS_NN_INVALID_ARGUMENT;
    }
    for (torch::Tensor &Output : Outputs) Output = Output.to(torch::kCPU, torch::kFloat32).contiguous();
    Context->Outputs = std::move(Outputs);
  } catch (const std::exception &Error) {
    std::string Message = Error.what();
    std::fprintf(stderr, "[ws:wasi-nn] PyTorch: compute failed: %s\n", Message.substr(0, Message.find('\n')).c_str());
    return WS_NN_RUNTIME_ERROR;
  }
  return WS_NN_SUCCESS;
}

uint32_t torch_get_output(void *Opaque, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength, uint32_t *Written) {
  auto *Context = static_cast<TorchContext *>(Opaque);
  if (Index >= Context->Outputs.size()) return WS_NN_INVALID_ARGUMENT;
  const torch::Tensor &Output = Context->Outputs[Index];
  uint64_t Size = static_cast<uint64_t>(Output.numel()) * 4;
  if (Size > UINT32_MAX) return WS_NN_TOO_LARGE;
  *Written = static_cast<uint32_t>(Size);
  if (Size > BufferLength) return WS_NN_TOO_LARGE;
  if (Size > 0) std::memcpy(Buffer, Output.data_ptr<float>(), Size);
  return WS_NN_SUCCESS;
}

ws_nn_backend make_backend() {
  ws_nn_backend Backend{};
  Backend.AbiVersion = WS_NN_BACKEND_ABI_VERSION;
  Backend.Name = "PyTorch";
  Backend.Open = torch_open;
  Backend.Load = torch_load;
  Backend.GraphRelease = torch_graph_release;
  Backend.InitContext = torch_init_context;
  Backend.ContextRelease = torch_context_release;
  Backend.SetInput = torch_set_input;
  Backend.Compute = torch_compute;
  Backend.GetOutput = torch_get_output;
  return Backend;
}

const ws_nn_backend Backend = make_backend();

} // namespace

extern "C" __attribute__((visibility("default"))) const ws_nn_backend *ws_wasi_nn_backend(void) { return &Backend; }

/* For ws_wasi_nn_backend_probe (common/probe.c): libtorch is linked, so
 * its file is where the dynamic linker found one of its functions. */
extern "C" const char *ws_nn_backend_runtime(void) {
  static char Text[4200];
  Dl_info Info{};
  const char *Path = dladdr(reinterpret_cast<void *>(&at::get_num_threads), &Info) != 0 && Info.dli_fname ? Info.dli_fname : "";
  std::snprintf(Text, sizeof(Text), "libtorch %d.%d.%d%s%s%s", TORCH_VERSION_MAJOR, TORCH_VERSION_MINOR, TORCH_VERSION_PATCH,
                Path[0] ? " (" : "", Path, Path[0] ? ")" : "");
  return Text;
}
