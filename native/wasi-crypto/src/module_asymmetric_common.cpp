// wasi_ephemeral_crypto_asymmetric_common (20 functions, spec B.6.2): key
// pairs, public keys and secret keys of signature and key-exchange
// algorithms. Managed keys need a secrets manager, which is not implemented.
#include "call_helpers.h"
#include "key_encodings.h"

namespace wasi_crypto {

namespace {

template <class Key>
std::shared_ptr<Key> makeKey(const AsymmetricAlgorithm *algorithm, Pkey pkey) {
  auto key = std::make_shared<Key>();
  key->algorithm = algorithm;
  key->pkey = std::move(pkey);
  return key;
}

using Importer = Errno (*)(const AsymmetricAlgorithm *, const uint8_t *, std::size_t, uint32_t, Pkey *);
using Exporter = Errno (*)(const AsymmetricKey &, uint32_t, SecretBytes *);

// (algorithm_type, alg, alg_len, encoded, encoded_len, encoding, →key)
template <class Key>
Errno importInto(Call &c, HandleTable<Key> &table, Importer importer) {
  WC_TRY(c.mem.checkOut(c.u32(6), 4));
  const uint8_t *encoded = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(3), c.u32(4), &encoded));
  const AsymmetricAlgorithm *algorithm;
  WC_TRY(readAsymmetricAlgorithm(c, c.u32(0), c.u32(1), c.u32(2), &algorithm));
  Pkey pkey;
  WC_TRY(importer(algorithm, encoded, c.u32(4), c.u32(5), &pkey));
  return publish(c, table, makeKey<Key>(algorithm, std::move(pkey)), c.u32(6));
}

// (key, encoding, →array_output)
template <class Key>
Errno exportFrom(Call &c, HandleTable<Key> &table, Exporter exporter) {
  WC_TRY(c.mem.checkOut(c.u32(2), 4));
  std::shared_ptr<Key> key;
  WC_TRY(c.ctx.find(table, c.u32(0), &key));
  SecretBytes bytes;
  WC_TRY(exporter(*key, c.u32(1), &bytes));
  return publishBytes(c, std::move(bytes), c.u32(2));
}

// keypair_generate(algorithm_type, alg, alg_len, opt_options*, →keypair)
Errno generate(Call &c, uint32_t typeIndex) {
  uint32_t out = c.u32(typeIndex + 4);
  WC_TRY(c.mem.checkOut(out, 4));
  const AsymmetricAlgorithm *algorithm;
  WC_TRY(readAsymmetricAlgorithm(c, c.u32(typeIndex), c.u32(typeIndex + 1), c.u32(typeIndex + 2), &algorithm));
  std::shared_ptr<Options> options;  // signature and kx options carry nothing
  WC_TRY(readOptionalOptions(c, c.u32(typeIndex + 3), algorithm->family, &options));
  Pkey pkey;
  WC_TRY(generateKeyPair(algorithm, &pkey));
  return publish(c, c.ctx.keyPairs, makeKey<KeyPair>(algorithm, std::move(pkey)), out);
}

Errno keypair_generate(Call &c) { return generate(c, 0); }

Errno keypair_import(Call &c) { return importInto(c, c.ctx.keyPairs, importKeyPair); }

// keypair_generate_managed(secrets_manager, algorithm_type, alg, alg_len,
// opt_options*, →keypair). As in WasmEdge, Ed25519 falls back to an ordinary
// key pair (the secrets manager handle is not looked at); other algorithms
// are not implemented. Algorithm and options errors come first.
Errno keypair_generate_managed(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(5), 4));
  const AsymmetricAlgorithm *algorithm;
  WC_TRY(readAsymmetricAlgorithm(c, c.u32(1), c.u32(2), c.u32(3), &algorithm));
  std::shared_ptr<Options> options;
  WC_TRY(readOptionalOptions(c, c.u32(4), algorithm->family, &options));
  if (algorithm->kind != KeyKind::Ed25519) return Errno::NotImplemented;
  return generate(c, 1);
}

Errno keypair_store_managed(Call &) { return Errno::NotImplemented; }
Errno keypair_replace_managed(Call &) { return Errno::NotImplemented; }
Errno keypair_id(Call &) { return Errno::NotImplemented; }
Errno keypair_from_id(Call &) { return Errno::NotImplemented; }

// keypair_from_pk_and_sk(publickey, secretkey, →keypair): the public key must
// belong to the secret key (WasmEdge: not implemented, spec B.10 #10).
Errno keypair_from_pk_and_sk(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(2), 4));
  std::shared_ptr<PublicKey> publicKey;
  std::shared_ptr<SecretKey> secretKey;
  WC_TRY(c.ctx.find(c.ctx.publicKeys, c.u32(0), &publicKey));
  WC_TRY(c.ctx.find(c.ctx.secretKeys, c.u32(1), &secretKey));
  WC_TRY(publicMatchesSecret(*publicKey, *secretKey));
  return publish(c, c.ctx.keyPairs, makeKey<KeyPair>(secretKey->algorithm, secretKey->pkey), c.u32(2));
}

Errno keypair_export(Call &c) { return exportFrom(c, c.ctx.keyPairs, exportKeyPair); }

// (key, →publickey): a new public-only key from a key pair or secret key.
template <class Key>
Errno publicKeyOf(Call &c, HandleTable<Key> &table) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<Key> key;
  WC_TRY(c.ctx.find(table, c.u32(0), &key));
  Pkey publicOnly;
  WC_TRY(publicPart(*key, &publicOnly));
  return publish(c, c.ctx.publicKeys, makeKey<PublicKey>(key->algorithm, std::move(publicOnly)), c.u32(1));
}

Errno keypair_publickey(Call &c) { return publicKeyOf(c, c.ctx.keyPairs); }

// keypair_secretkey(keypair, →secretkey): shares the immutable EVP_PKEY.
Errno keypair_secretkey(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<KeyPair> keyPair;
  WC_TRY(c.ctx.find(c.ctx.keyPairs, c.u32(0), &keyPair));
  return publish(c, c.ctx.secretKeys, makeKey<SecretKey>(keyPair->algorithm, keyPair->pkey), c.u32(1));
}

Errno keypair_close(Call &c) { return c.ctx.close(c.ctx.keyPairs, c.u32(0)); }

Errno publickey_import(Call &c) { return importInto(c, c.ctx.publicKeys, importPublicKey); }
Errno publickey_export(Call &c) { return exportFrom(c, c.ctx.publicKeys, exportPublicKey); }

Errno publickey_verify(Call &c) {
  std::shared_ptr<PublicKey> key;
  WC_TRY(c.ctx.find(c.ctx.publicKeys, c.u32(0), &key));
  return checkPublicKey(*key);
}

Errno publickey_from_secretkey(Call &c) { return publicKeyOf(c, c.ctx.secretKeys); }

Errno publickey_close(Call &c) { return c.ctx.close(c.ctx.publicKeys, c.u32(0)); }

Errno secretkey_import(Call &c) { return importInto(c, c.ctx.secretKeys, importSecretKey); }
Errno secretkey_export(Call &c) { return exportFrom(c, c.ctx.secretKeys, exportSecretKey); }
Errno secretkey_close(Call &c) { return c.ctx.close(c.ctx.secretKeys, c.u32(0)); }

const HostFunctionSpec kFunctions[] = {
    WC_HOST(keypair_generate, "iiiii"),
    WC_HOST(keypair_import, "iiiiiii"),
    WC_HOST(keypair_generate_managed, "iiiiii"),
    WC_HOST(keypair_store_managed, "iiii"),
    WC_HOST(keypair_replace_managed, "iiii"),
    WC_HOST(keypair_id, "iiiii"),
    WC_HOST(keypair_from_id, "iiiIi"),
    WC_HOST(keypair_from_pk_and_sk, "iii"),
    WC_HOST(keypair_export, "iii"),
    WC_HOST(keypair_publickey, "ii"),
    WC_HOST(keypair_secretkey, "ii"),
    WC_HOST(keypair_close, "i"),
    WC_HOST(publickey_import, "iiiiiii"),
    WC_HOST(publickey_export, "iii"),
    WC_HOST(publickey_verify, "i"),
    WC_HOST(publickey_from_secretkey, "ii"),
    WC_HOST(publickey_close, "i"),
    WC_HOST(secretkey_import, "iiiiiii"),
    WC_HOST(secretkey_export, "iii"),
    WC_HOST(secretkey_close, "i"),
};

}  // namespace

const ModuleSpec kAsymmetricCommonModule{
    "wasi_crypto_asymmetric_common", "wasi_ephemeral_crypto_asymmetric_common",
    "wasi-crypto asymmetric keys: key pairs, public keys, secret keys", kFunctions,
    sizeof kFunctions / sizeof kFunctions[0]};

}  // namespace wasi_crypto
