/*
 * libtorch CPU allocator that caches freed blocks by exact size (see
 * block_cache.h for why). Blocks come from c10::alloc_cpu like libtorch's
 * own allocator (64-byte aligned) and go back to c10::free_cpu when they are
 * small, when the cache is full, or when the backend is idle.
 *
 * The deleter also receives blocks this allocator did not make: libtorch's
 * oneDNN glue frees through whichever CPU allocator is current, so memory
 * allocated before install_block_cache() may be freed after it. Only blocks
 * recorded in Live are ours; anything else goes to c10::free_cpu, which is
 * what the default allocator would have done.
 */
#include "block_cache.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

namespace ws_torch {
namespace {

/* Blocks under 4 pages stay with malloc, which recycles them cheaply; the
 * page faults come from activation-sized blocks. */
constexpr size_t MinCachedSize = 16 * 1024;
/* Freed memory kept for reuse at most; beyond it frees go straight back. */
constexpr size_t MaxCachedBytes = size_t(512) << 20;

struct BlockCache {
  std::mutex Lock;
  std::unordered_map<void *, size_t> Live;                 /* our blocks in use -> size */
  std::unordered_map<size_t, std::vector<void *>> Free;  /* size -> cached blocks */
  size_t CachedBytes = 0;
};

/* Never destroyed: libtorch frees tensors during exit, after this file's
 * static destructors would have run. */
BlockCache &cache() {
  static BlockCache *Cache = new BlockCache();
  return *Cache;
}

void release_block(void *Block) {
  if (Block == nullptr) return;
  BlockCache &Cache = cache();
  {
    std::lock_guard<std::mutex> Guard(Cache.Lock);
    auto Found = Cache.Live.find(Block);
    if (Found != Cache.Live.end()) {
      size_t Size = Found->second;
      Cache.Live.erase(Found);
      if (Cache.CachedBytes + Size <= MaxCachedBytes) {
        try {
          Cache.Free[Size].push_back(Block);
          Cache.CachedBytes += Size;
          return;
        } catch (const std::bad_alloc &) {
          /* no room to remember it: free it below */
        }
      }
    }
  }
  c10::free_cpu(Block);
}

class BlockCacheAllocator final : public c10::Allocator {
 public:
  c10::DataPtr allocate(size_t Size) const override {
    const c10::Device Cpu(c10::DeviceType::CPU);
    if (Size < MinCachedSize) {
      void *Block = c10::alloc_cpu(Size);
      return {Block, Block, &release_block, Cpu};
    }
    BlockCache &Cache = cache();
    {
      std::lock_guard<std::mutex> Guard(Cache.Lock);
      auto Bucket = Cache.Free.find(Size);
      if (Bucket != Cache.Free.end() && !Bucket->second.empty()) {
        void *Block = Bucket->second.back();
        Cache.Live.emplace(Block, Size); /* may throw before the block leaves the cache */
        Bucket->second.pop_back();
        Cache.CachedBytes -= Size;
        return {Block, Block, &release_block, Cpu};
      }
    }
    void *Block = c10::alloc_cpu(Size); /* throws c10::Error when out of memory */
    try {
      std::lock_guard<std::mutex> Guard(Cache.Lock);
      Cache.Live.emplace(Block, Size);
    } catch (...) {
      c10::free_cpu(Block);
      throw;
    }
    return {Block, Block, &release_block, Cpu};
  }

  c10::DeleterFnPtr raw_deleter() const override { return &release_block; }
};

} // namespace

void install_block_cache() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    static BlockCacheAllocator *Allocator = new BlockCacheAllocator();
    c10::SetCPUAllocator(Allocator, /* priority above libtorch's default */ 1);
  });
}

void drop_cached_blocks() {
  BlockCache &Cache = cache();
  std::lock_guard<std::mutex> Guard(Cache.Lock);
  for (auto &Bucket : Cache.Free)
    for (void *Block : Bucket.second) c10::free_cpu(Block);
  Cache.Free.clear();
  Cache.CachedBytes = 0;
}

} // namespace ws_torch
