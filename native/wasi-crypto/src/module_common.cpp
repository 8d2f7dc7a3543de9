// wasi_ephemeral_crypto_common (10 functions, spec B.6.1): array outputs,
// options, and the secrets manager (not implemented, as in WasmEdge).
#include <algorithm>
#include <cctype>
#include <cstring>

#include "array_output.h"
#include "host_call.h"
#include "objects.h"

namespace wasi_crypto {

Errno newArrayOutput(Context &ctx, Budget &owner, SecretBytes data, uint32_t *handle) {
  auto output = std::make_shared<ArrayOutput>();
  const uint64_t bytes = data.size();
  output->data = std::move(data);
  return ctx.insert(owner, ctx.arrayOutputs, std::move(output), handle, bytes);
}

namespace {

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// array_output_len(array_output, →size)
Errno array_output_len(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  std::shared_ptr<ArrayOutput> output;
  WC_TRY(c.ctx.find(c.ctx.arrayOutputs, c.u32(0), &output));
  std::lock_guard<std::mutex> lock(output->mutex);
  return c.mem.writeU32(c.u32(1), static_cast<uint32_t>(output->data.size()));
}

// array_output_pull(array_output, buf, buf_len, →size): copies what fits and
// advances; the handle closes once everything has been pulled (spec B.10 #7).
Errno array_output_pull(Call &c) {
  uint32_t handle = c.u32(0), bufLen = c.u32(2);
  uint8_t *buf = nullptr;
  WC_TRY(c.mem.bytes(c.u32(1), bufLen, &buf));
  WC_TRY(c.mem.checkOut(c.u32(3), 4));
  std::shared_ptr<ArrayOutput> output;
  WC_TRY(c.ctx.find(c.ctx.arrayOutputs, handle, &output));
  bool finished;
  size_t count;
  {
    std::lock_guard<std::mutex> lock(output->mutex);
    size_t remaining = output->data.size() - output->position;
    count = std::min<size_t>(bufLen, remaining);
    if (count > 0) std::memcpy(buf, output->data.data() + output->position, count);
    output->position += count;
    finished = output->position == output->data.size();
  }
  if (finished) c.ctx.close(c.ctx.arrayOutputs, handle);
  return c.mem.writeU32(c.u32(3), static_cast<uint32_t>(count));
}

// options_open(algorithm_type, →options)
Errno options_open(Call &c) {
  WC_TRY(c.mem.checkOut(c.u32(1), 4));
  AlgorithmType family;
  WC_TRY(decodeAlgorithmType(c.u32(0), &family));
  uint32_t handle = 0;
  WC_TRY(c.ctx.insert(c.owner, c.ctx.options, std::make_shared<Options>(family), &handle));
  return c.mem.writeU32(c.u32(1), handle);
}

Errno options_close(Call &c) { return c.ctx.close(c.ctx.options, c.u32(0)); }

// Reads the option name and finds the options object.
Errno optionTarget(Call &c, std::string *name, std::shared_ptr<Options> *options) {
  WC_TRY(c.mem.readString(c.u32(1), c.u32(2), name));
  *name = lowerCase(*name);
  return c.ctx.find(c.ctx.options, c.u32(0), options);
}

// options_set(options, name, name_len, value, value_len): symmetric options
// context, salt and nonce; nothing is accepted by signature or kx options.
Errno options_set(Call &c) {
  std::string name;
  std::shared_ptr<Options> options;
  const uint8_t *value = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(3), c.u32(4), &value));
  WC_TRY(optionTarget(c, &name, &options));
  if (options->family != AlgorithmType::Symmetric) return Errno::UnsupportedOption;
  if (name != "context" && name != "salt" && name != "nonce") return Errno::UnsupportedOption;
  std::lock_guard<std::mutex> lock(options->mutex);
  // The value replaces any earlier one: charge the difference.
  auto previous = options->values.find(name);
  const int64_t held = previous == options->values.end() ? 0 : static_cast<int64_t>(previous->second.size());
  WC_TRY(c.ctx.charge(c.ctx.options, c.u32(0), static_cast<int64_t>(c.u32(4)) - held));
  options->values[name] = secretCopy(value, c.u32(4));
  return Errno::Success;
}

// options_set_u64(options, name, name_len, value: i64)
Errno options_set_u64(Call &c) {
  std::string name;
  std::shared_ptr<Options> options;
  WC_TRY(optionTarget(c, &name, &options));
  if (options->family != AlgorithmType::Symmetric) return Errno::UnsupportedOption;
  if (name != "memory_limit" && name != "ops_limit" && name != "parallelism") return Errno::UnsupportedOption;
  std::lock_guard<std::mutex> lock(options->mutex);
  options->numbers[name] = c.u64(3);
  return Errno::Success;
}

// options_set_guest_buffer(options, name, name_len, buf, buf_len): only
// "buffer", stored for password hashes (none is implemented, so never read).
Errno options_set_guest_buffer(Call &c) {
  std::string name;
  std::shared_ptr<Options> options;
  const uint8_t *buffer = nullptr;
  WC_TRY(c.mem.constBytes(c.u32(3), c.u32(4), &buffer));
  WC_TRY(optionTarget(c, &name, &options));
  if (options->family != AlgorithmType::Symmetric || name != "buffer") return Errno::UnsupportedOption;
  std::lock_guard<std::mutex> lock(options->mutex);
  options->guestBuffer = std::make_pair(c.u32(3), c.u32(4));
  return Errno::Success;
}

// The secrets manager is optional in wasi-crypto and absent in WasmEdge.
Errno secrets_manager_open(Call &) { return Errno::NotImplemented; }
Errno secrets_manager_close(Call &) { return Errno::NotImplemented; }
Errno secrets_manager_invalidate(Call &) { return Errno::NotImplemented; }

const HostFunctionSpec kFunctions[] = {
    WC_HOST(array_output_len, "ii"),
    WC_HOST(array_output_pull, "iiii"),
    WC_HOST(options_open, "ii"),
    WC_HOST(options_close, "i"),
    WC_HOST(options_set, "iiiii"),
    WC_HOST(options_set_u64, "iiiI"),
    WC_HOST(options_set_guest_buffer, "iiiii"),
    WC_HOST(secrets_manager_open, "ii"),
    WC_HOST(secrets_manager_close, "i"),
    WC_HOST(secrets_manager_invalidate, "iiiI"),
};

}  // namespace

const ModuleSpec kCommonModule{"wasi_crypto_common", "wasi_ephemeral_crypto_common",
                               "wasi-crypto common functions: array outputs and options", kFunctions,
                               sizeof kFunctions / sizeof kFunctions[0]};

}  // namespace wasi_crypto
