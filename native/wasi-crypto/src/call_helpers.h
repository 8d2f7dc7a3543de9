// Argument decoding shared by several modules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "algorithms.h"
#include "host_call.h"
#include "objects.h"

namespace wasi_crypto {

// An opt_options pointer: none, or an options handle of `family` (another
// family or an unknown handle → invalid_handle).
Errno readOptionalOptions(Call &c, uint32_t pointer, AlgorithmType family, std::shared_ptr<Options> *out);

// algorithm_type + name of an asymmetric function: a symmetric type is an
// invalid_operation, an unknown type or name an unsupported_algorithm.
Errno readAsymmetricAlgorithm(Call &c, uint32_t typeRaw, uint32_t namePointer, uint32_t nameLength,
                              const AsymmetricAlgorithm **out);

// Stores `object` in `table`, charged to the caller's budget with the
// `bytes` it holds, and writes its handle to the out-pointer.
template <class T>
Errno publish(Call &c, HandleTable<T> &table, std::shared_ptr<T> object, uint32_t outPointer, uint64_t bytes = 0) {
  uint32_t handle = 0;
  WC_TRY(c.ctx.insert(c.owner, table, std::move(object), &handle, bytes));
  Errno written = c.mem.writeU32(outPointer, handle);
  if (written != Errno::Success) c.ctx.close(table, handle);
  return written;
}

// Wraps bytes in a new array_output and writes its handle.
Errno publishBytes(Call &c, SecretBytes bytes, uint32_t outPointer);

}  // namespace wasi_crypto
