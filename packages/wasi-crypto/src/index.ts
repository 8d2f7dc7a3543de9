export { createWasiCryptoModules, loadWasiCryptoPlugin, wasiCryptoModuleNames } from './crypto-modules.js';
export type { WasiCryptoModules } from './crypto-modules.js';
export { CryptoErrno, cryptoErrnoName } from './errors.js';
export type { CryptoErrnoName } from './errors.js';
export {
  AlgorithmType,
  KeyPairEncoding,
  KeyVersion,
  PublicKeyEncoding,
  SecretKeyEncoding,
  SignatureEncoding,
  keyExchangeAlgorithms,
  signatureAlgorithms,
  symmetricAlgorithms,
  symmetricOptionNames,
  defaultWasiCryptoBudget,
  toWasiCryptoPluginOptions,
} from './options.js';
export type { KeyExchangeAlgorithm, SignatureAlgorithm, SymmetricAlgorithm, WasiCryptoOptions, WasiCryptoPluginOptions } from './options.js';
export type {
  WasiCryptoImports,
  WasiEphemeralCryptoAsymmetricCommonFunctions,
  WasiEphemeralCryptoCommonFunctions,
  WasiEphemeralCryptoKxFunctions,
  WasiEphemeralCryptoSignaturesFunctions,
  WasiEphemeralCryptoSymmetricFunctions,
} from './types.js';
