// wasi_ephemeral_crypto_signatures (11 functions, spec B.6.4): signature
// states over a key pair, verification states over a public key, and
// signature objects with raw and DER encodings.
#include "call_helpers.h"
#include "signing.h"

namespace wasi_crypto {

namespace {

// signature_export(signature, encoding, →array_output)
Errno signature_export(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(2), 4));
  std::shared_ptr<Signature> signature;
  WC_TRY(c.ctx.find(c.ctx.signatures, c.u32(0), &signature));
  SecretBytes bytes;
  WC_TRY(exportSignature(*signature, c.u32(1), &bytes));
  return publishBytes(c, std::move(bytes), c.u32(2));
}

// signature_import(alg, alg_len, encoded, encoded_len, encoding, →signature):
// no algorithm_type parameter; the name is a signature algorithm.
Errno signature_import(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(5), 4));
  std::string name;
  WC_TRY(c.mem.readString(c.u32(0), c.u32(1), &name));
  const uint8_t *encoded = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(2), c.u32(3), &encoded));
  const AsymmetricAlgorithm *algorithm;
  WC_TRY(findAsymmetricAlgorithm(AlgorithmType::Signatures, name, &algorithm));
  auto signature = std::make_shared<Signature>();
  WC_TRY(importSignature(algorithm, encoded, c.u32(3), c.u32(4), signature.get()));
  return publish(c, c.ctx.signatures, std::move(signature), c.u32(5));
}

// (key handle, →state) for both kinds of state; kx keys → invalid_handle.
template <class Key, class State>
Errno openState(Call &c, HandleTable<Key> &keys, HandleTable<State> &states) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<Key> key;
  WC_TRY(c.ctx.find(keys, c.u32(0), &key));
  if (key->algorithm->family != AlgorithmType::Signatures) return Errno::InvalidHandle;
  auto state = std::make_shared<State>();
  WC_TRY(openSigningState(*key, state.get()));
  return publish(c, states, std::move(state), c.u32(1));
}

// (state, input, input_len)
template <class State>
Errno updateState(Call &c, HandleTable<State> &states) {
  const uint8_t *input = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(1), c.u32(2), &input));
  std::shared_ptr<State> state;
  WC_TRY(c.ctx.find(states, c.u32(0), &state));
  std::lock_guard<std::mutex> lock(state->mutex);
  // Ed25519 keeps the whole message until sign/verify: it counts against the budget.
  const bool keeps = state->key.algorithm->kind == KeyKind::Ed25519;
  if (keeps) WC_TRY(c.ctx.charge(states, c.u32(0), c.u32(2)));
  Errno absorbed = absorbSigningState(*state, input, c.u32(2));
  if (keeps && absorbed != Errno::Success) c.ctx.charge(states, c.u32(0), -static_cast<int64_t>(c.u32(2)));
  return absorbed;
}

Errno signature_state_open(Call &c) { return openState(c, c.ctx.keyPairs, c.ctx.signatureStates); }
Errno signature_state_update(Call &c) { return updateState(c, c.ctx.signatureStates); }

// signature_state_sign(state, →signature): a signature handle, as every
// implementation does (witx says array_output: spec B.10 #13).
Errno signature_state_sign(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<SignatureState> state;
  WC_TRY(c.ctx.find(c.ctx.signatureStates, c.u32(0), &state));
  auto signature = std::make_shared<Signature>();
  {
    std::lock_guard<std::mutex> lock(state->mutex);
    signature->algorithm = state->key.algorithm;
    WC_TRY(signState(*state, &signature->raw));
  }
  return publish(c, c.ctx.signatures, std::move(signature), c.u32(1));
}

Errno signature_state_close(Call &c) { return c.ctx.close(c.ctx.signatureStates, c.u32(0)); }

Errno signature_verification_state_open(Call &c) {
  return openState(c, c.ctx.publicKeys, c.ctx.verificationStates);
}
Errno signature_verification_state_update(Call &c) { return updateState(c, c.ctx.verificationStates); }

// signature_verification_state_verify(state, signature): non-destructive.
Errno signature_verification_state_verify(Call &c) {
  std::shared_ptr<VerificationState> state;
  std::shared_ptr<Signature> signature;
  WC_TRY(c.ctx.find(c.ctx.verificationStates, c.u32(0), &state));
  WC_TRY(c.ctx.find(c.ctx.signatures, c.u32(1), &signature));
  std::lock_guard<std::mutex> lock(state->mutex);
  return verifyState(*state, *signature);
}

Errno signature_verification_state_close(Call &c) { return c.ctx.close(c.ctx.verificationStates, c.u32(0)); }
Errno signature_close(Call &c) { return c.ctx.close(c.ctx.signatures, c.u32(0)); }

const HostFunctionSpec kFunctions[] = {
    WC_HOST(signature_export, "iii"),
    WC_HOST(signature_import, "iiiiii"),
    WC_HOST(signature_state_open, "ii"),
    WC_HOST(signature_state_update, "iii"),
    WC_HOST(signature_state_sign, "ii"),
    WC_HOST(signature_state_close, "i"),
    WC_HOST(signature_verification_state_open, "ii"),
    WC_HOST(signature_verification_state_update, "iii"),
    WC_HOST(signature_verification_state_verify, "ii"),
    WC_HOST(signature_verification_state_close, "i"),
    WC_HOST(signature_close, "i"),
};

}  // namespace

const ModuleSpec kSignaturesModule{"wasi_crypto_signatures", "wasi_ephemeral_crypto_signatures",
                                   "wasi-crypto signatures: ECDSA, Ed25519, RSA PKCS#1 v1.5 and PSS", kFunctions,
                                   sizeof kFunctions / sizeof kFunctions[0]};

}  // namespace wasi_crypto
