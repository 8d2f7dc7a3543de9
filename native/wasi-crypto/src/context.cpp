#include "context.h"

#include "objects.h"
#include "signing.h"
#include "symmetric_state.h"

namespace wasi_crypto {

namespace {
std::mutex instanceMutex;
Context *instance = nullptr;
std::size_t references = 0;
}  // namespace

Context *Context::acquire() {
  std::lock_guard<std::mutex> lock(instanceMutex);
  if (instance == nullptr) instance = new Context();
  ++references;
  return instance;
}

void Context::release(Context *context) {
  std::lock_guard<std::mutex> lock(instanceMutex);
  if (context != instance || references == 0) return;
  if (--references == 0) {
    delete instance;
    instance = nullptr;
  }
}

// Dropping the tables frees every object; their destructors wipe secrets
// (SecretBytes, EVP_PKEY_free, EVP_MAC_CTX_free, EVP_CIPHER_CTX_free).
Context::~Context() = default;

}  // namespace wasi_crypto
