/*
 * example_compute: a compute-intensive function as a host function, to run
 * at native speed what a guest would otherwise run in WebAssembly.
 *
 *   plug-in  example_compute
 *   module   descriptor compute, import namespace compute
 *   sgemm(m: i32, n: i32, k: i32, a_ptr: i32, b_ptr: i32, c_ptr: i32) -> ()
 *            C = A * B on row-major f32 matrices in the guest's memory
 *            (A: m x k at a_ptr, B: k x n at b_ptr, C: m x n at c_ptr).
 *
 * Traps: HostFuncError (0x040E) when a dimension is negative or above
 * COMPUTE_MAX_DIM, or when C overlaps A or B; MemoryOutOfBounds (0x0408) when
 * a matrix is not entirely inside the guest's memory 0.
 */
#include <wasmedge/wasmedge.h>

#include "sgemm_blocked.h"

#include <stdint.h>

/* Largest dimension accepted: keeps every byte count far below 2^64. */
#define COMPUTE_MAX_DIM (1u << 16)

static WasmEdge_Result trap(enum WasmEdge_ErrCode Code) {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, Code);
}

/* A rows x cols f32 matrix at Offset in Memory, or NULL if not all inside it. */
static float *guest_matrix(WasmEdge_MemoryInstanceContext *Memory, uint32_t Offset, uint32_t Rows, uint32_t Cols) {
  const uint64_t Bytes = (uint64_t)Rows * Cols * sizeof(float); /* <= 2^34: no overflow */
  return (float *)WasmEdge_MemoryInstanceGetPointer(Memory, Offset, Bytes);
}

/* On x86-64 with GCC the kernel is compiled three times: for AVX-512,
 * AVX2 and the baseline (SSE2); the dynamic loader picks one for the CPU when
 * the plug-in is loaded (an ifunc), so one binary stays portable. No FMA in
 * any of them (-ffp-contract=off): results match the WebAssembly build. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
static void sgemm_native(uint32_t M, uint32_t N, uint32_t K, const float *A, const float *B, float *C) {
  sgemm_blocked(M, N, K, A, B, C);
}

static int overlaps(const float *P, uint64_t PCount, const float *Q, uint64_t QCount) {
  return P < Q + QCount && Q < P + PCount;
}

static WasmEdge_Result sgemm(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                             WasmEdge_Value *Out) {
  const uint32_t M = (uint32_t)WasmEdge_ValueGetI32(In[0]);
  const uint32_t N = (uint32_t)WasmEdge_ValueGetI32(In[1]);
  const uint32_t K = (uint32_t)WasmEdge_ValueGetI32(In[2]);
  if (M > COMPUTE_MAX_DIM || N > COMPUTE_MAX_DIM || K > COMPUTE_MAX_DIM) return trap(WasmEdge_ErrCode_HostFuncError);

  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  if (Memory == NULL) return trap(WasmEdge_ErrCode_HostFuncError);
  const float *A = guest_matrix(Memory, (uint32_t)WasmEdge_ValueGetI32(In[3]), M, K);
  const float *B = guest_matrix(Memory, (uint32_t)WasmEdge_ValueGetI32(In[4]), K, N);
  float *C = guest_matrix(Memory, (uint32_t)WasmEdge_ValueGetI32(In[5]), M, N);
  if (A == NULL || B == NULL || C == NULL) return trap(WasmEdge_ErrCode_MemoryOutOfBounds);
  /* The kernel's restrict pointers promise C is written through nothing else. */
  const uint64_t CCount = (uint64_t)M * N;
  if (CCount > 0 && (overlaps(C, CCount, A, (uint64_t)M * K) || overlaps(C, CCount, B, (uint64_t)K * N))) {
    return trap(WasmEdge_ErrCode_HostFuncError);
  }
  sgemm_native(M, N, K, A, B, C);
  return WasmEdge_Result_Success;
}

static WasmEdge_ModuleInstanceContext *create_compute(const WasmEdge_ModuleDescriptor *Descriptor) {
  WasmEdge_String Name = WasmEdge_StringCreateByCString("compute");
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(Name);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) return NULL;

  WasmEdge_ValType I32 = WasmEdge_ValTypeGenI32();
  WasmEdge_ValType Params[6] = {I32, I32, I32, I32, I32, I32};
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 6, NULL, 0);
  WasmEdge_FunctionInstanceContext *Function = WasmEdge_FunctionInstanceCreate(Type, sgemm, NULL, 0);
  WasmEdge_FunctionTypeDelete(Type);
  if (Function == NULL) {
    WasmEdge_ModuleInstanceDelete(Module);
    return NULL;
  }
  /* The module owns Function now. The result is not used: it is void in
   * WasmEdge 0.17.x and fails only for NULL arguments. */
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString("sgemm");
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Function);
  WasmEdge_StringDelete(FunctionName);
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "compute", .Description = "Native matrix multiply", .Create = create_compute},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "example_compute",
    .Description = "ws example: compute-intensive host functions",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = NULL,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
