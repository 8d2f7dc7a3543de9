// One table of live objects of one kind (spec B.5). A handle is
// (sequence << 8) | typeId: the low byte names the kind, so a handle of
// another kind is never found here (invalid_handle), and the first handle of
// a kind is never 0. The sequence starts at 1, wraps after 2^24 - 1 and skips
// slots still in use. Objects are shared_ptr: closing a handle drops the
// table's reference, an operation in progress keeps its own. Each entry
// records the Budget it is charged to (budget.h) and the bytes charged.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "budget.h"
#include "crypto_errno.h"

namespace wasi_crypto {

template <class T>
class HandleTable {
 public:
  explicit HandleTable(uint8_t typeId) : typeId_(typeId) {}

  struct Entry {
    std::shared_ptr<T> object;
    Budget *owner = nullptr;
    uint64_t bytes = 0;
  };

  Errno insert(std::shared_ptr<T> object, Budget *owner, uint64_t bytes, uint32_t *handle) {
    constexpr uint32_t kMaxSequence = 0xFFFFFF;
    if (items_.size() >= kMaxSequence) return Errno::TooManyHandles;
    for (;;) {
      if (nextSequence_ > kMaxSequence) nextSequence_ = 1;
      uint32_t candidate = (nextSequence_++ << 8) | typeId_;
      if (items_.count(candidate) == 0) {
        items_.emplace(candidate, Entry{std::move(object), owner, bytes});
        *handle = candidate;
        return Errno::Success;
      }
    }
  }

  std::shared_ptr<T> find(uint32_t handle) const {
    auto it = items_.find(handle);
    return it == items_.end() ? nullptr : it->second.object;
  }

  // The entry of a live handle (nullptr if none), to charge or refund bytes.
  Entry *entry(uint32_t handle) {
    auto it = items_.find(handle);
    return it == items_.end() ? nullptr : &it->second;
  }

  bool erase(uint32_t handle) { return items_.erase(handle) != 0; }

  // Removes every entry charged to `owner`; their objects go to `dropped`
  // (destroyed by the caller once the table lock is released).
  void eraseOwnedBy(const Budget *owner, std::vector<std::shared_ptr<void>> *dropped) {
    for (auto it = items_.begin(); it != items_.end();) {
      if (it->second.owner == owner) {
        dropped->push_back(std::move(it->second.object));
        it = items_.erase(it);
      } else {
        ++it;
      }
    }
  }

  void clear() { items_.clear(); }

 private:
  uint8_t typeId_;
  uint32_t nextSequence_ = 1;
  std::unordered_map<uint32_t, Entry> items_;
};

}  // namespace wasi_crypto
