// wasi_ephemeral_crypto_symmetric (28 functions, spec B.6.5): symmetric keys,
// states (hash, HMAC, HKDF, AEAD) and tags. Managed keys need a secrets
// manager, which is not implemented (as in WasmEdge).
#include <openssl/crypto.h>

#include <cstring>

#include "aead.h"
#include "call_helpers.h"
#include "symmetric_state.h"

namespace wasi_crypto {

namespace {

Errno readSymmetricAlgorithm(Call &c, uint32_t pointer, uint32_t length, const SymmetricAlgorithm **out) {
  std::string name;
  WC_TRY(c.mem.readString(pointer, length, &name));
  return findSymmetricAlgorithm(name, out);
}

std::shared_ptr<SymmetricKey> makeKey(const SymmetricAlgorithm *algorithm, SecretBytes raw) {
  auto key = std::make_shared<SymmetricKey>();
  key->algorithm = algorithm;
  key->raw = std::move(raw);
  return key;
}

Errno publishTag(Call &c, const SymmetricAlgorithm *algorithm, SecretBytes raw, uint32_t out) {
  auto tag = std::make_shared<SymmetricTag>();
  tag->algorithm = algorithm;
  tag->raw = std::move(raw);
  return publish(c, c.ctx.symmetricTags, std::move(tag), out);
}

// Finds a state and locks it for the rest of the call.
struct LockedState {
  std::shared_ptr<SymmetricState> state;
  std::unique_lock<std::mutex> lock;
};

Errno lockState(Call &c, uint32_t handle, LockedState *out) {
  WC_TRY(c.ctx.find(c.ctx.symmetricStates, handle, &out->state));
  out->lock = std::unique_lock<std::mutex>(out->state->mutex);
  return Errno::Success;
}

bool overlaps(const uint8_t *a, std::size_t aLen, const uint8_t *b, std::size_t bLen) {
  return aLen != 0 && bLen != 0 && a < b + bLen && b < a + aLen;
}

// ---- keys ----------------------------------------------------------------

// symmetric_key_generate(alg, alg_len, opt_options*, →symmetric_key)
Errno symmetric_key_generate(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(3), 4));
  const SymmetricAlgorithm *algorithm;
  WC_TRY(readSymmetricAlgorithm(c, c.u32(0), c.u32(1), &algorithm));
  std::shared_ptr<Options> options;
  WC_TRY(readOptionalOptions(c, c.u32(2), AlgorithmType::Symmetric, &options));
  SecretBytes raw;
  WC_TRY(generateSymmetricKey(algorithm, &raw));
  return publish(c, c.ctx.symmetricKeys, makeKey(algorithm, std::move(raw)), c.u32(3));
}

// symmetric_key_import(alg, alg_len, raw, raw_len, →symmetric_key)
Errno symmetric_key_import(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(4), 4));
  const uint8_t *raw = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(2), c.u32(3), &raw));
  const SymmetricAlgorithm *algorithm;
  WC_TRY(readSymmetricAlgorithm(c, c.u32(0), c.u32(1), &algorithm));
  WC_TRY(checkSymmetricKeyImport(algorithm, c.u32(3)));
  // HMAC and HKDF keys may be any length: the bytes count against the budget.
  return publish(c, c.ctx.symmetricKeys, makeKey(algorithm, secretCopy(raw, c.u32(3))), c.u32(4), c.u32(3));
}

// symmetric_key_export(symmetric_key, →array_output)
Errno symmetric_key_export(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<SymmetricKey> key;
  WC_TRY(c.ctx.find(c.ctx.symmetricKeys, c.u32(0), &key));
  return publishBytes(c, key->raw, c.u32(1));
}

Errno symmetric_key_close(Call &c) { return c.ctx.close(c.ctx.symmetricKeys, c.u32(0)); }

Errno symmetric_key_generate_managed(Call &) { return Errno::NotImplemented; }
Errno symmetric_key_store_managed(Call &) { return Errno::NotImplemented; }
Errno symmetric_key_replace_managed(Call &) { return Errno::NotImplemented; }
Errno symmetric_key_id(Call &) { return Errno::NotImplemented; }
Errno symmetric_key_from_id(Call &) { return Errno::NotImplemented; }

// ---- states --------------------------------------------------------------

// symmetric_state_open(alg, alg_len, opt_symmetric_key*, opt_options*, →state)
Errno symmetric_state_open(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(4), 4));
  const SymmetricAlgorithm *algorithm;
  WC_TRY(readSymmetricAlgorithm(c, c.u32(0), c.u32(1), &algorithm));
  std::optional<uint32_t> keyHandle;
  WC_TRY(c.mem.readOptionalHandle(c.u32(2), &keyHandle));
  std::shared_ptr<Options> options;
  WC_TRY(readOptionalOptions(c, c.u32(3), AlgorithmType::Symmetric, &options));
  std::shared_ptr<SymmetricKey> key;
  if (keyHandle) WC_TRY(c.ctx.find(c.ctx.symmetricKeys, *keyHandle, &key));
  auto state = std::make_shared<SymmetricState>();
  {
    // Options are read now; later changes do not affect the state.
    std::unique_lock<std::mutex> optionsLock;
    if (options) optionsLock = std::unique_lock<std::mutex>(options->mutex);
    WC_TRY(openSymmetricState(algorithm, key.get(), options.get(), state.get()));
  }
  return publish(c, c.ctx.symmetricStates, std::move(state), c.u32(4));
}

// symmetric_state_clone(state, →state)
Errno symmetric_state_clone(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  auto copy = std::make_shared<SymmetricState>();
  WC_TRY(cloneSymmetricState(*locked.state, copy.get()));
  locked.lock.unlock();
  const uint64_t kept = copy->absorbed.size();
  return publish(c, c.ctx.symmetricStates, std::move(copy), c.u32(1), kept);
}

// symmetric_state_options_get(state, name, name_len, value, value_len, →size)
Errno symmetric_state_options_get(Call &c) {
  std::string name;
  WC_TRY(c.mem.readString(c.u32(1), c.u32(2), &name));
  uint8_t *value = nullptr;
  WC_TRY(c.mem.bytes(c.u32(3), c.u32(4), &value));
  WC_TRY(c.mem.checkOut(c.u32(5), 4));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  const SecretBytes *option = nullptr;
  WC_TRY(stateOption(*locked.state, name, &option));
  if (c.u32(4) < option->size()) return Errno::Overflow;
  std::memcpy(value, option->data(), option->size());
  return c.mem.writeU32(c.u32(5), static_cast<uint32_t>(option->size()));
}

// symmetric_state_options_get_u64(state, name, name_len, →u64): no algorithm
// here has a numeric option.
Errno symmetric_state_options_get_u64(Call &c) {
  std::string name;
  WC_TRY(c.mem.readString(c.u32(1), c.u32(2), &name));
  WC_TRY(c.mem.checkOut(c.u32(3), 8));
  std::shared_ptr<SymmetricState> state;
  WC_TRY(c.ctx.find(c.ctx.symmetricStates, c.u32(0), &state));
  return Errno::UnsupportedOption;
}

Errno symmetric_state_close(Call &c) { return c.ctx.close(c.ctx.symmetricStates, c.u32(0)); }

// symmetric_state_absorb(state, data, data_len)
Errno symmetric_state_absorb(Call &c) {
  const uint8_t *data = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(1), c.u32(2), &data));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  // HKDF and AEAD states keep what they absorb (salt, info, associated data):
  // it counts against the budget while the state lives. Hashes and HMAC stream.
  const SymmetricKind kind = locked.state->algorithm->kind;
  const bool keeps = kind == SymmetricKind::Aead || kind == SymmetricKind::HkdfExtract || kind == SymmetricKind::HkdfExpand;
  if (keeps) WC_TRY(c.ctx.charge(c.ctx.symmetricStates, c.u32(0), c.u32(2)));
  Errno absorbed = absorbSymmetric(*locked.state, data, c.u32(2));
  if (keeps && absorbed != Errno::Success) c.ctx.charge(c.ctx.symmetricStates, c.u32(0), -static_cast<int64_t>(c.u32(2)));
  return absorbed;
}

// symmetric_state_squeeze(state, out, out_len)
Errno symmetric_state_squeeze(Call &c) {
  uint8_t *out = nullptr;
  WC_TRY(c.mem.bytes(c.u32(1), c.u32(2), &out));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  return squeezeSymmetric(*locked.state, out, c.u32(2));
}

// symmetric_state_squeeze_tag(state, →symmetric_tag)
Errno symmetric_state_squeeze_tag(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  SecretBytes tag;
  WC_TRY(squeezeTag(*locked.state, &tag));
  const SymmetricAlgorithm *algorithm = locked.state->algorithm;
  locked.lock.unlock();
  return publishTag(c, algorithm, std::move(tag), c.u32(1));
}

// symmetric_state_squeeze_key(state, alg, alg_len, →symmetric_key)
Errno symmetric_state_squeeze_key(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(3), 4));
  const SymmetricAlgorithm *target;
  WC_TRY(readSymmetricAlgorithm(c, c.u32(1), c.u32(2), &target));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  SecretBytes raw;
  WC_TRY(squeezeKey(*locked.state, target, &raw));
  locked.lock.unlock();
  return publish(c, c.ctx.symmetricKeys, makeKey(target, std::move(raw)), c.u32(3));
}

// symmetric_state_max_tag_len(state, →size)
Errno symmetric_state_max_tag_len(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  LockedState locked;
  WC_TRY(lockState(c, c.u32(0), &locked));
  if (locked.state->algorithm->kind != SymmetricKind::Aead) return Errno::InvalidOperation;
  return c.mem.writeU32(c.u32(1), static_cast<uint32_t>(kAeadTagBytes));
}

// The input, copied when it partly overlaps the output (EVP handles only
// exact in-place operation; the spec requires overlapping regions to work).
struct CipherInput {
  const uint8_t *data;
  SecretBytes copy;
};

CipherInput cipherInput(const uint8_t *out, std::size_t outLen, const uint8_t *in, std::size_t inLen) {
  CipherInput input{in, {}};
  if (out != in && overlaps(out, outLen, in, inLen)) {
    input.copy = secretCopy(in, inLen);
    input.data = input.copy.data();
  }
  return input;
}

// The common start of the four AEAD calls (state, out, out_len, data,
// data_len, ...): checks every region, then finds and locks an AEAD state.
struct AeadCall {
  uint32_t outLen, dataLen;
  uint8_t *out = nullptr;
  const uint8_t *data = nullptr;
  LockedState locked;
};

Errno beginAead(Call &c, uint32_t resultPointer, const uint8_t **tag, uint32_t tagLen, AeadCall *a) {
  a->outLen = c.u32(2);
  a->dataLen = c.u32(4);
  WC_TRY(c.mem.bytes(c.u32(1), a->outLen, &a->out));
  WC_TRY(c.mem.constBytes(c.u32(3), a->dataLen, &a->data));
  if (tag != nullptr) WC_TRY(c.mem.constBytes(c.u32(5), tagLen, tag));
  WC_TRY(c.mem.checkOut(resultPointer, 4));
  WC_TRY(lockState(c, c.u32(0), &a->locked));
  return a->locked.state->algorithm->kind == SymmetricKind::Aead ? Errno::Success : Errno::InvalidOperation;
}

// Shared by encrypt and encrypt_detached: (state, out, out_len, data, data_len, →x)
Errno encryptInto(Call &c, bool detached, SecretBytes *tag, uint32_t *written) {
  AeadCall a;
  WC_TRY(beginAead(c, c.u32(5), nullptr, 0, &a));
  uint32_t outLen = a.outLen, dataLen = a.dataLen;
  uint8_t *out = a.out;
  const uint8_t *data = a.data;
  uint64_t expected = static_cast<uint64_t>(dataLen) + (detached ? 0 : kAeadTagBytes);
  if (expected > UINT32_MAX) return Errno::Overflow;
  if (outLen != expected) return Errno::InvalidLength;
  CipherInput input = cipherInput(out, outLen, data, dataLen);
  tag->assign(kAeadTagBytes, 0);
  WC_TRY(aeadEncrypt(*a.locked.state, out, input.data, dataLen, tag->data()));
  if (!detached) std::memcpy(out + dataLen, tag->data(), kAeadTagBytes);
  *written = outLen;
  return Errno::Success;
}

// symmetric_state_encrypt(state, out, out_len, data, data_len, →size):
// out_len must be data_len + 16; ciphertext || tag.
Errno symmetric_state_encrypt(Call &c) {
  SecretBytes tag;
  uint32_t written = 0;
  WC_TRY(encryptInto(c, false, &tag, &written));
  return c.mem.writeU32(c.u32(5), written);
}

// symmetric_state_encrypt_detached(state, out, out_len, data, data_len, →tag)
Errno symmetric_state_encrypt_detached(Call &c) {
  SecretBytes tag;
  uint32_t written = 0;
  WC_TRY(encryptInto(c, true, &tag, &written));
  std::shared_ptr<SymmetricState> state;
  WC_TRY(c.ctx.find(c.ctx.symmetricStates, c.u32(0), &state));
  return publishTag(c, state->algorithm, std::move(tag), c.u32(5));
}

// symmetric_state_decrypt(state, out, out_len, data, data_len, →size):
// data_len must be out_len + 16.
Errno symmetric_state_decrypt(Call &c) {
  AeadCall a;
  WC_TRY(beginAead(c, c.u32(5), nullptr, 0, &a));
  uint32_t outLen = a.outLen, dataLen = a.dataLen;
  uint8_t *out = a.out;
  const uint8_t *data = a.data;
  if (static_cast<uint64_t>(outLen) + kAeadTagBytes != dataLen) return Errno::InvalidLength;
  CipherInput input = cipherInput(out, outLen, data, dataLen);
  WC_TRY(aeadDecrypt(*a.locked.state, out, input.data, outLen, input.data + outLen));
  return c.mem.writeU32(c.u32(5), outLen);
}

// symmetric_state_decrypt_detached(state, out, out_len, data, data_len, tag,
// tag_len, →size): the whole 16-byte tag is required.
Errno symmetric_state_decrypt_detached(Call &c) {
  uint32_t tagLen = c.u32(6);
  const uint8_t *tag = nullptr;
  AeadCall a;
  WC_TRY(beginAead(c, c.u32(7), &tag, tagLen, &a));
  uint32_t outLen = a.outLen, dataLen = a.dataLen;
  uint8_t *out = a.out;
  const uint8_t *data = a.data;
  if (outLen != dataLen) return Errno::InvalidLength;
  if (tagLen != kAeadTagBytes) return Errno::InvalidTag;
  CipherInput input = cipherInput(out, outLen, data, dataLen);
  WC_TRY(aeadDecrypt(*a.locked.state, out, input.data, outLen, tag));
  return c.mem.writeU32(c.u32(7), outLen);
}

// symmetric_state_ratchet(state): no algorithm here supports ratcheting.
Errno symmetric_state_ratchet(Call &c) {
  std::shared_ptr<SymmetricState> state;
  WC_TRY(c.ctx.find(c.ctx.symmetricStates, c.u32(0), &state));
  return Errno::InvalidOperation;
}

// ---- tags ----------------------------------------------------------------

Errno symmetric_tag_len(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<SymmetricTag> tag;
  WC_TRY(c.ctx.find(c.ctx.symmetricTags, c.u32(0), &tag));
  return c.mem.writeU32(c.u32(1), static_cast<uint32_t>(tag->raw.size()));
}

// symmetric_tag_pull(tag, buf, buf_len, →size): buf_len must equal the tag
// length (larger → invalid_length, smaller → overflow). The tag stays open.
Errno symmetric_tag_pull(Call &c) {
  uint8_t *buf = nullptr;
  WC_TRY(c.mem.bytes(c.u32(1), c.u32(2), &buf));
  WC_TRY(c.mem.checkOut(c.u32(3), 4));
  std::shared_ptr<SymmetricTag> tag;
  WC_TRY(c.ctx.find(c.ctx.symmetricTags, c.u32(0), &tag));
  if (c.u32(2) > tag->raw.size()) return Errno::InvalidLength;
  if (c.u32(2) < tag->raw.size()) return Errno::Overflow;
  std::memcpy(buf, tag->raw.data(), tag->raw.size());
  return c.mem.writeU32(c.u32(3), static_cast<uint32_t>(tag->raw.size()));
}

// symmetric_tag_verify(tag, raw, raw_len): same length and, in constant
// time, same bytes (WasmEdge accepts a shorter tag: spec B.10 #6).
Errno symmetric_tag_verify(Call &c) {
  const uint8_t *raw = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(1), c.u32(2), &raw));
  std::shared_ptr<SymmetricTag> tag;
  WC_TRY(c.ctx.find(c.ctx.symmetricTags, c.u32(0), &tag));
  if (c.u32(2) != tag->raw.size()) return Errno::InvalidTag;
  return CRYPTO_memcmp(raw, tag->raw.data(), tag->raw.size()) == 0 ? Errno::Success : Errno::InvalidTag;
}

Errno symmetric_tag_close(Call &c) { return c.ctx.close(c.ctx.symmetricTags, c.u32(0)); }

const HostFunctionSpec kFunctions[] = {
    WC_HOST(symmetric_key_generate, "iiii"),
    WC_HOST(symmetric_key_import, "iiiii"),
    WC_HOST(symmetric_key_export, "ii"),
    WC_HOST(symmetric_key_close, "i"),
    WC_HOST(symmetric_key_generate_managed, "iiiii"),
    WC_HOST(symmetric_key_store_managed, "iiii"),
    WC_HOST(symmetric_key_replace_managed, "iiii"),
    WC_HOST(symmetric_key_id, "iiiii"),
    WC_HOST(symmetric_key_from_id, "iiiIi"),
    WC_HOST(symmetric_state_open, "iiiii"),
    WC_HOST(symmetric_state_clone, "ii"),
    WC_HOST(symmetric_state_options_get, "iiiiii"),
    WC_HOST(symmetric_state_options_get_u64, "iiii"),
    WC_HOST(symmetric_state_close, "i"),
    WC_HOST(symmetric_state_absorb, "iii"),
    WC_HOST(symmetric_state_squeeze, "iii"),
    WC_HOST(symmetric_state_squeeze_tag, "ii"),
    WC_HOST(symmetric_state_squeeze_key, "iiii"),
    WC_HOST(symmetric_state_max_tag_len, "ii"),
    WC_HOST(symmetric_state_encrypt, "iiiiii"),
    WC_HOST(symmetric_state_encrypt_detached, "iiiiii"),
    WC_HOST(symmetric_state_decrypt, "iiiiii"),
    WC_HOST(symmetric_state_decrypt_detached, "iiiiiiii"),
    WC_HOST(symmetric_state_ratchet, "i"),
    WC_HOST(symmetric_tag_len, "ii"),
    WC_HOST(symmetric_tag_pull, "iiii"),
    WC_HOST(symmetric_tag_verify, "iii"),
    WC_HOST(symmetric_tag_close, "i"),
};

}  // namespace

const ModuleSpec kSymmetricModule{"wasi_crypto_symmetric", "wasi_ephemeral_crypto_symmetric",
                                  "wasi-crypto symmetric operations: hashes, HMAC, HKDF, AEADs", kFunctions,
                                  sizeof kFunctions / sizeof kFunctions[0]};

}  // namespace wasi_crypto
