// crypto_errno values of wasi-crypto (witx 0.9 and 0.10; spec B.3). Every host
// function returns one of these as its i32 result.
#pragma once

#include <cstdint>

namespace wasi_crypto {

enum class Errno : int32_t {
  Success = 0,
  GuestError = 1,
  NotImplemented = 2,
  UnsupportedFeature = 3,
  ProhibitedOperation = 4,
  UnsupportedEncoding = 5,
  UnsupportedAlgorithm = 6,
  UnsupportedOption = 7,
  InvalidKey = 8,
  InvalidLength = 9,
  VerificationFailed = 10,
  RngError = 11,
  AlgorithmFailure = 12,
  InvalidSignature = 13,
  Closed = 14,
  InvalidHandle = 15,
  Overflow = 16,
  InternalError = 17,
  TooManyHandles = 18,
  KeyNotSupported = 19,
  KeyRequired = 20,
  InvalidTag = 21,
  InvalidOperation = 22,
  NonceRequired = 23,
  InvalidNonce = 24,
  OptionNotSet = 25,
  NotFound = 26,
  ParametersMissing = 27,
  InProgress = 28,
  IncompatibleKeys = 29,
  Expired = 30,
};

// Early return on any error: `TRY(expr);` where expr yields an Errno.
#define WC_TRY(expr)                                                           \
  do {                                                                         \
    ::wasi_crypto::Errno wc_try_result_ = (expr);                              \
    if (wc_try_result_ != ::wasi_crypto::Errno::Success) return wc_try_result_; \
  } while (0)

}  // namespace wasi_crypto
