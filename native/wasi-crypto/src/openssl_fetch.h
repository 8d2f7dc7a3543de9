// Algorithm objects fetched from OpenSSL once per process and cached:
// fetching on every call costs a method-store lookup under a lock.
// They are never freed: the process's OpenSSL (Node's) outlives the plug-in.
#pragma once

#include <openssl/evp.h>

namespace wasi_crypto {

const EVP_MD *digestByName(const char *name);
const EVP_CIPHER *cipherByName(const char *name);
EVP_MAC *hmacAlgorithm();

}  // namespace wasi_crypto
