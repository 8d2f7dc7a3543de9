// wasi_ephemeral_crypto_kx (3 functions, spec B.6.3): Diffie-Hellman with
// X25519, P-256 and P-384. No KEM algorithm exists, so encapsulation is not
// implemented (as in WasmEdge).
#include "call_helpers.h"
#include "openssl_ptr.h"

namespace wasi_crypto {

namespace {

// The shared secret at full length: 32 bytes for X25519 and P-256, 48 for
// P-384 (WasmEdge truncates it to 32: spec B.10 #5). No hashing is applied.
Errno deriveSharedSecret(const AsymmetricKey &publicKey, const AsymmetricKey &secretKey, SecretBytes *out) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, secretKey.pkey.get(), nullptr));
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0) return Errno::AlgorithmFailure;
  if (EVP_PKEY_derive_set_peer(ctx.get(), publicKey.pkey.get()) <= 0) return Errno::InvalidKey;
  size_t len = 0;
  if (EVP_PKEY_derive(ctx.get(), nullptr, &len) <= 0) return Errno::InvalidKey;
  out->assign(len, 0);
  // Fails for an X25519 peer of small order (an all-zero secret).
  if (EVP_PKEY_derive(ctx.get(), out->data(), &len) <= 0) return Errno::InvalidKey;
  out->resize(len);
  return Errno::Success;
}

// kx_dh(publickey, secretkey, →array_output)
Errno kx_dh(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(2), 4));
  std::shared_ptr<PublicKey> publicKey;
  std::shared_ptr<SecretKey> secretKey;
  WC_TRY(c.ctx.find(c.ctx.publicKeys, c.u32(0), &publicKey));
  WC_TRY(c.ctx.find(c.ctx.secretKeys, c.u32(1), &secretKey));
  // Signature keys are another family: invalid_handle, as WasmEdge's variant check.
  if (publicKey->algorithm->family != AlgorithmType::KeyExchange ||
      secretKey->algorithm->family != AlgorithmType::KeyExchange) {
    return Errno::InvalidHandle;
  }
  if (publicKey->algorithm != secretKey->algorithm) return Errno::InvalidKey;
  SecretBytes secret;
  WC_TRY(deriveSharedSecret(*publicKey, *secretKey, &secret));
  return publishBytes(c, std::move(secret), c.u32(2));
}

Errno kx_encapsulate(Call &) { return Errno::NotImplemented; }
Errno kx_decapsulate(Call &) { return Errno::NotImplemented; }

const HostFunctionSpec kFunctions[] = {
    WC_HOST(kx_dh, "iii"),
    WC_HOST(kx_encapsulate, "iii"),
    WC_HOST(kx_decapsulate, "iiii"),
};

}  // namespace

const ModuleSpec kKxModule{"wasi_crypto_kx", "wasi_ephemeral_crypto_kx",
                           "wasi-crypto key exchange: X25519, P-256 and P-384 Diffie-Hellman", kFunctions,
                           sizeof kFunctions / sizeof kFunctions[0]};

}  // namespace wasi_crypto
