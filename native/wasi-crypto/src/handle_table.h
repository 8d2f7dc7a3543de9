// One table of live objects of one kind (spec B.5). A handle is
// (sequence << 8) | typeId: the low byte names the kind, so a handle of
// another kind is never found here (invalid_handle), and the first handle of
// a kind is never 0. The sequence starts at 1, wraps after 2^24 - 1 and skips
// slots still in use. Objects are shared_ptr: closing a handle drops the
// table's reference, an operation in progress keeps its own.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "crypto_errno.h"

namespace wasi_crypto {

template <class T>
class HandleTable {
 public:
  explicit HandleTable(uint8_t typeId) : typeId_(typeId) {}

  Errno insert(std::shared_ptr<T> object, uint32_t *handle) {
    constexpr uint32_t kMaxSequence = 0xFFFFFF;
    if (items_.size() >= kMaxSequence) return Errno::TooManyHandles;
    for (;;) {
      if (nextSequence_ > kMaxSequence) nextSequence_ = 1;
      uint32_t candidate = (nextSequence_++ << 8) | typeId_;
      if (items_.count(candidate) == 0) {
        items_.emplace(candidate, std::move(object));
        *handle = candidate;
        return Errno::Success;
      }
    }
  }

  std::shared_ptr<T> find(uint32_t handle) const {
    auto it = items_.find(handle);
    return it == items_.end() ? nullptr : it->second;
  }

  bool erase(uint32_t handle) { return items_.erase(handle) != 0; }

  void clear() { items_.clear(); }

 private:
  uint8_t typeId_;
  uint32_t nextSequence_ = 1;
  std::unordered_map<uint32_t, std::shared_ptr<T>> items_;
};

}  // namespace wasi_crypto
