/*
 * A CPU allocator for libtorch that keeps freed blocks for reuse by exact
 * size, so the activations of one inference are the memory of the previous
 * one instead of pages glibc may hand back to the kernel (heap trim, or
 * munmap of blocks above its mmap threshold) and fault in again: about 250
 * page faults per inference of the benchmark CNN, 0.3 ms of 2.1 with 1
 * thread and 0.5 ms of 1.9 with 2, in whichever processes glibc's heap
 * layout falls into that cycle (in a Node process, about half of them). libtorch in a ws process belongs to this
 * backend, so replacing its CPU allocator affects nobody else.
 */
#pragma once

namespace ws_torch {

/* Makes the block cache libtorch's CPU allocator (once per process). */
void install_block_cache();

/* Frees every cached block (when no graph or context is left). */
void drop_cached_blocks();

} // namespace ws_torch
