// unique_ptr aliases for OpenSSL objects, so every early return frees.
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/params.h>

#include <memory>

#include "secret_bytes.h"

namespace wasi_crypto {

template <class T, void (*Free)(T *)>
struct OpenSslDeleter {
  void operator()(T *p) const { Free(p); }
};
template <class T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, OpenSslDeleter<T, Free>>;

inline void bioFree(BIO *b) { BIO_free(b); }

using BioPtr = Owned<BIO, bioFree>;
using BignumPtr = Owned<BIGNUM, BN_clear_free>;
using EcGroupPtr = Owned<EC_GROUP, EC_GROUP_free>;
using EcPointPtr = Owned<EC_POINT, EC_POINT_free>;
using PkeyCtxPtr = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using MdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using CipherCtxPtr = Owned<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using MacCtxPtr = Owned<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using KdfCtxPtr = Owned<EVP_KDF_CTX, EVP_KDF_CTX_free>;
using ParamBuildPtr = Owned<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
// OSSL_PARAM_free also clear-frees the secure-heap block a secure BIGNUM was copied to.
using ParamsPtr = Owned<OSSL_PARAM, OSSL_PARAM_free>;

// The bytes written to a memory BIO. Private keys are written to secure-heap
// BIOs (BIO_s_secmem) so the intermediate copy is wiped too.
inline SecretBytes bioBytes(BIO *bio) {
  char *data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  if (len <= 0 || data == nullptr) return {};
  return SecretBytes(reinterpret_cast<uint8_t *>(data), reinterpret_cast<uint8_t *>(data) + len);
}

}  // namespace wasi_crypto
