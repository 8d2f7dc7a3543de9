// How a host function is written: `Errno name(Call &call)`, registered with
// WC_HOST(name, "iiiI") where each letter is one parameter (i = i32,
// I = i64); the single result is always the i32 errno. The trampoline turns
// C++ exceptions into errnos (nothing escapes into the C API) and clears
// the OpenSSL error queue, which is shared with Node's own crypto.
#pragma once

#include <openssl/err.h>
#include <wasmedge/wasmedge.h>

#include <cstddef>
#include <cstdint>
#include <new>

#include "budget.h"
#include "context.h"
#include "crypto_errno.h"
#include "guest_memory.h"

namespace wasi_crypto {

// The host data of one module instance: the shared Context and the budget of
// what this instance creates (plugin.cpp frees both in its finalizer).
struct ModuleData {
  Context *ctx;
  Budget budget;
};

struct Call {
  Context &ctx;
  Budget &owner;  // charged for the handles and bytes this call creates
  GuestMemory mem;
  const WasmEdge_Value *params;

  uint32_t u32(int index) const { return static_cast<uint32_t>(WasmEdge_ValueGetI32(params[index])); }
  uint64_t u64(int index) const { return static_cast<uint64_t>(WasmEdge_ValueGetI64(params[index])); }
};

using HostImplementation = Errno (*)(Call &);

template <HostImplementation Implementation>
WasmEdge_Result hostTrampoline(void *data, const WasmEdge_CallingFrameContext *frame,
                               const WasmEdge_Value *params, WasmEdge_Value *returns) {
  Errno result;
  try {
    ModuleData &module = *static_cast<ModuleData *>(data);
    Call call{*module.ctx, module.budget, GuestMemory(frame), params};
    result = Implementation(call);
  } catch (const std::bad_alloc &) {
    result = Errno::AlgorithmFailure;
  } catch (...) {
    result = Errno::InternalError;
  }
  if (ERR_peek_error() != 0) ERR_clear_error();
  returns[0] = WasmEdge_ValueGenI32(static_cast<int32_t>(result));
  return WasmEdge_Result_Success;
}

struct HostFunctionSpec {
  const char *name;
  const char *parameters;  // one letter per parameter: i = i32, I = i64
  WasmEdge_HostFunc_t function;
};

struct ModuleSpec {
  const char *descriptorName;  // e.g. wasi_crypto_common
  const char *importName;      // e.g. wasi_ephemeral_crypto_common
  const char *description;
  const HostFunctionSpec *functions;
  std::size_t functionCount;
};

#define WC_HOST(name, parameters) \
  HostFunctionSpec { #name, parameters, &hostTrampoline<name> }

extern const ModuleSpec kCommonModule;
extern const ModuleSpec kAsymmetricCommonModule;
extern const ModuleSpec kKxModule;
extern const ModuleSpec kSignaturesModule;
extern const ModuleSpec kSymmetricModule;

}  // namespace wasi_crypto
