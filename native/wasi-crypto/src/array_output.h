// Creating array_output handles: every export, DH and signature result is
// handed to the guest this way (spec B.7).
#pragma once

#include <cstdint>

#include "budget.h"
#include "context.h"
#include "crypto_errno.h"
#include "secret_bytes.h"

namespace wasi_crypto {

// Charged to `owner` with the size of `data`.
Errno newArrayOutput(Context &ctx, Budget &owner, SecretBytes data, uint32_t *handle);

}  // namespace wasi_crypto
