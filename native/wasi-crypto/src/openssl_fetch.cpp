#include "openssl_fetch.h"

#include <map>
#include <mutex>
#include <string>

namespace wasi_crypto {

namespace {

template <class T, T *(*Fetch)(OSSL_LIB_CTX *, const char *, const char *)>
T *fetchCached(const char *name) {
  // Never destroyed: the fetched objects live as long as the process (a
  // static map's destructor at exit would drop the only pointers to them,
  // which LeakSanitizer reports, and could race with a thread still running).
  static std::mutex &mutex = *new std::mutex;
  static std::map<std::string, T *> &fetched = *new std::map<std::string, T *>;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = fetched.find(name);
  if (it != fetched.end()) return it->second;
  T *object = Fetch(nullptr, name, nullptr);
  if (object != nullptr) fetched.emplace(name, object);
  return object;
}

}  // namespace

const EVP_MD *digestByName(const char *name) { return fetchCached<EVP_MD, EVP_MD_fetch>(name); }
const EVP_CIPHER *cipherByName(const char *name) { return fetchCached<EVP_CIPHER, EVP_CIPHER_fetch>(name); }
EVP_MAC *hmacAlgorithm() { return fetchCached<EVP_MAC, EVP_MAC_fetch>("HMAC"); }

}  // namespace wasi_crypto
