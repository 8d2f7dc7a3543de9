// The wasi_crypto plug-in descriptor (spec B.1): five modules, version
// 0.10.1.0, and two ws options, the budgets of a module instance
// (--crypto-max-handles, --crypto-max-bytes; budget.h). Each module instance
// holds a reference to the shared Context (context.h) and its own Budget;
// its finalizer closes the handles it created and releases the reference.
#include <wasmedge/wasmedge.h>

#include <cstring>
#include <vector>

#include "host_call.h"

namespace wasi_crypto {

namespace {

const ModuleSpec *const kModules[] = {&kAsymmetricCommonModule, &kCommonModule, &kKxModule, &kSignaturesModule,
                                      &kSymmetricModule};

uint32_t maxHandlesOption = kDefaultMaxHandles;
const uint32_t maxHandlesImplicit = kDefaultMaxHandles;
uint64_t maxBytesOption = kDefaultMaxBytes;
const uint64_t maxBytesImplicit = kDefaultMaxBytes;

WasmEdge_ProgramOption programOptions[] = {
    {"crypto-max-handles",
     "Handles a guest may hold at once per module instance (default 4096); creating another returns "
     "too_many_handles (18).",
     WasmEdge_ProgramOptionType_UInt32, &maxHandlesOption, &maxHandlesImplicit},
    {"crypto-max-bytes",
     "Bytes a guest's handles may hold per module instance: array outputs, absorbed HKDF/AEAD/Ed25519 data, "
     "option values, imported symmetric keys (default 67108864); past it the call returns overflow (16).",
     WasmEdge_ProgramOptionType_UInt64, &maxBytesOption, &maxBytesImplicit},
};

void releaseModuleData(void *data) {
  auto *module = static_cast<ModuleData *>(data);
  module->ctx->releaseOwner(module->budget);
  Context::release(module->ctx);
  delete module;
}

bool addFunction(WasmEdge_ModuleInstanceContext *module, const HostFunctionSpec &spec, ModuleData *context) {
  std::vector<WasmEdge_ValType> parameters;
  for (const char *p = spec.parameters; *p; ++p) {
    parameters.push_back(*p == 'I' ? WasmEdge_ValTypeGenI64() : WasmEdge_ValTypeGenI32());
  }
  WasmEdge_ValType result = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *type = WasmEdge_FunctionTypeCreate(
      parameters.data(), static_cast<uint32_t>(parameters.size()), &result, 1);
  if (type == nullptr) return false;
  WasmEdge_FunctionInstanceContext *function = WasmEdge_FunctionInstanceCreate(type, spec.function, context, 0);
  WasmEdge_FunctionTypeDelete(type);
  if (function == nullptr) return false;
  WasmEdge_String name = WasmEdge_StringCreateByCString(spec.name);
  WasmEdge_Result added = WasmEdge_ModuleInstanceAddFunction(module, name, function);
  WasmEdge_StringDelete(name);
  return WasmEdge_ResultOK(added);
}

WasmEdge_ModuleInstanceContext *createModule(const WasmEdge_ModuleDescriptor *descriptor) {
  const ModuleSpec *spec = nullptr;
  for (const ModuleSpec *candidate : kModules) {
    if (descriptor && descriptor->Name && std::strcmp(candidate->descriptorName, descriptor->Name) == 0) spec = candidate;
  }
  if (spec == nullptr) return nullptr;
  auto *context = new (std::nothrow) ModuleData{Context::acquire(), Budget{}};
  if (context == nullptr) return nullptr;
  context->budget.maxHandles = maxHandlesOption;
  context->budget.maxBytes = maxBytesOption;
  WasmEdge_String name = WasmEdge_StringCreateByCString(spec->importName);
  WasmEdge_ModuleInstanceContext *module = WasmEdge_ModuleInstanceCreateWithData(name, context, releaseModuleData);
  WasmEdge_StringDelete(name);
  if (module == nullptr) {
    releaseModuleData(context);
    return nullptr;
  }
  for (std::size_t i = 0; i < spec->functionCount; ++i) {
    if (!addFunction(module, spec->functions[i], context)) {
      WasmEdge_ModuleInstanceDelete(module);  // runs releaseModuleData
      return nullptr;
    }
  }
  return module;
}

WasmEdge_ModuleDescriptor moduleDescriptors[] = {
    {"wasi_crypto_asymmetric_common", "wasi-crypto asymmetric keys", createModule},
    {"wasi_crypto_common", "wasi-crypto array outputs and options", createModule},
    {"wasi_crypto_kx", "wasi-crypto key exchange", createModule},
    {"wasi_crypto_signatures", "wasi-crypto signatures", createModule},
    {"wasi_crypto_symmetric", "wasi-crypto symmetric operations", createModule},
};

const WasmEdge_PluginDescriptor pluginDescriptor = {
    "wasi_crypto",
    "WASI-Crypto on OpenSSL 3 (the process's own libcrypto: Node's when loaded by ws)",
    WasmEdge_Plugin_CurrentAPIVersion,
    {0, 10, 1, 0},
    sizeof moduleDescriptors / sizeof moduleDescriptors[0],
    sizeof programOptions / sizeof programOptions[0],
    moduleDescriptors,
    programOptions,
};

}  // namespace

}  // namespace wasi_crypto

extern "C" WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &wasi_crypto::pluginDescriptor;
}
