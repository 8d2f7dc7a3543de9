#include "call_helpers.h"

#include "array_output.h"

namespace wasi_crypto {

Errno readOptionalOptions(Call &c, uint32_t pointer, AlgorithmType family, std::shared_ptr<Options> *out) {
  std::optional<uint32_t> handle;
  WC_TRY(c.mem.readOptionalHandle(pointer, &handle));
  out->reset();
  if (!handle) return Errno::Success;
  WC_TRY(c.ctx.find(c.ctx.options, *handle, out));
  return (*out)->family == family ? Errno::Success : Errno::InvalidHandle;
}

Errno readAsymmetricAlgorithm(Call &c, uint32_t typeRaw, uint32_t namePointer, uint32_t nameLength,
                              const AsymmetricAlgorithm **out) {
  std::string name;
  WC_TRY(c.mem.readString(namePointer, nameLength, &name));
  AlgorithmType family;
  WC_TRY(decodeAlgorithmType(typeRaw, &family));
  if (family == AlgorithmType::Symmetric) return Errno::InvalidOperation;
  return findAsymmetricAlgorithm(family, name, out);
}

Errno publishBytes(Call &c, SecretBytes bytes, uint32_t outPointer) {
  uint32_t handle = 0;
  WC_TRY(newArrayOutput(c.ctx, c.owner, std::move(bytes), &handle));
  Errno written = c.mem.writeU32(outPointer, handle);
  if (written != Errno::Success) c.ctx.close(c.ctx.arrayOutputs, handle);
  return written;
}

}  // namespace wasi_crypto
