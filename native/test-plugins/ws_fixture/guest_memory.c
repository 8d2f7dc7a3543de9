/* Host functions that read, write and grow the calling guest's memory 0.
 * Every pointer and length comes from the guest, so each access goes through
 * WasmEdge_MemoryInstanceGetPointer (NULL when [offset, offset+length) is not
 * inside the memory, overflow-safe) before a single byte is touched. Guest
 * i32 pointers and lengths are unsigned: 0xFFFFFFF0 is a huge length, not -16. */
#include "fixture.h"

#include <stdlib.h>
#include <string.h>

enum { FIXTURE_OK = 0, FIXTURE_OUT_OF_RANGE = 1 };

static WasmEdge_MemoryInstanceContext *guest_memory(const WasmEdge_CallingFrameContext *Frame) {
  return WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
}

static void store_u32_le(uint8_t *Target, uint32_t Value) {
  for (int I = 0; I < 4; ++I) Target[I] = (uint8_t)(Value >> (8 * I));
}

/* Copies Length bytes of Text to [BufPtr, BufPtr+BufLen), at most BufLen.
 * Returns the number of bytes written, or -1 if the buffer is out of range. */
static int64_t write_bounded(const WasmEdge_CallingFrameContext *Frame, uint32_t BufPtr,
                             uint32_t BufLen, const char *Text, uint32_t Length) {
  uint8_t *Buffer = WasmEdge_MemoryInstanceGetPointer(guest_memory(Frame), BufPtr, BufLen);
  if (Buffer == NULL) return -1;
  uint32_t Count = Length < BufLen ? Length : BufLen;
  if (Count > 0) memcpy(Buffer, Text, Count);
  return Count;
}

/* get_option(buf_ptr, buf_len, written_ptr) -> i32: the `greeting` option,
 * truncated to buf_len; *written_ptr = bytes written. 0, or 1 when either
 * range is outside memory (then nothing is written). */
static WasmEdge_Result get_option(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                  const WasmEdge_Value *In, WasmEdge_Value *Out) {
  const FixtureOptions *Options = &((FixtureData *)Data)->Options;
  uint32_t BufPtr = fixture_u32(In[0]), BufLen = fixture_u32(In[1]), WrittenPtr = fixture_u32(In[2]);
  WasmEdge_MemoryInstanceContext *Memory = guest_memory(Frame);
  uint8_t *Written = WasmEdge_MemoryInstanceGetPointer(Memory, WrittenPtr, 4);
  if (Written == NULL || WasmEdge_MemoryInstanceGetPointer(Memory, BufPtr, BufLen) == NULL) {
    Out[0] = WasmEdge_ValueGenI32(FIXTURE_OUT_OF_RANGE);
    return WasmEdge_Result_Success;
  }
  int64_t Count = write_bounded(Frame, BufPtr, BufLen, Options->Greeting, Options->GreetingLength);
  store_u32_le(Written, (uint32_t)Count);
  Out[0] = WasmEdge_ValueGenI32(FIXTURE_OK);
  return WasmEdge_Result_Success;
}

/* option_summary(buf_ptr, buf_len) -> i32: `greeting=G scale=S verbose=V
 * ratio=R tags=T` truncated to buf_len; bytes written, or -1 when out of range. */
static WasmEdge_Result option_summary(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                      const WasmEdge_Value *In, WasmEdge_Value *Out) {
  char *Summary = fixture_option_summary(&((FixtureData *)Data)->Options);
  if (Summary == NULL) return WasmEdge_Result_Fail;
  int64_t Count = write_bounded(Frame, fixture_u32(In[0]), fixture_u32(In[1]), Summary,
                                (uint32_t)strlen(Summary));
  free(Summary);
  Out[0] = WasmEdge_ValueGenI32((int32_t)Count);
  return WasmEdge_Result_Success;
}

/* write_bytes(ptr, len, byte) -> i32: fills the range; 0, or 1 if out of range. */
static WasmEdge_Result write_bytes(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                   const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint32_t Length = fixture_u32(In[1]);
  uint8_t *Target = WasmEdge_MemoryInstanceGetPointer(guest_memory(Frame), fixture_u32(In[0]), Length);
  if (Target == NULL) {
    Out[0] = WasmEdge_ValueGenI32(FIXTURE_OUT_OF_RANGE);
    return WasmEdge_Result_Success;
  }
  memset(Target, (uint8_t)WasmEdge_ValueGetI32(In[2]), Length);
  Out[0] = WasmEdge_ValueGenI32(FIXTURE_OK);
  return WasmEdge_Result_Success;
}

/* sum_bytes(ptr, len) -> i32: sum of the bytes (mod 2^31), or -1 if out of range. */
static WasmEdge_Result sum_bytes(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint32_t Length = fixture_u32(In[1]);
  const uint8_t *Source =
      WasmEdge_MemoryInstanceGetPointerConst(guest_memory(Frame), fixture_u32(In[0]), Length);
  if (Source == NULL) {
    Out[0] = WasmEdge_ValueGenI32(-1);
    return WasmEdge_Result_Success;
  }
  uint32_t Sum = 0;
  for (uint32_t I = 0; I < Length; ++I) Sum += Source[I];
  Out[0] = WasmEdge_ValueGenI32((int32_t)(Sum & 0x7FFFFFFF));
  return WasmEdge_Result_Success;
}

/* memory_pages() -> i32: current size in 64 KiB pages, -1 without a memory. */
static WasmEdge_Result memory_pages(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                    const WasmEdge_Value *In, WasmEdge_Value *Out) {
  WasmEdge_MemoryInstanceContext *Memory = guest_memory(Frame);
  Out[0] = WasmEdge_ValueGenI32(Memory == NULL ? -1 : (int32_t)WasmEdge_MemoryInstanceGetPageSize(Memory));
  return WasmEdge_Result_Success;
}

/* grow_memory(pages) -> i32: new size in pages, or -1 if the memory cannot
 * grow (maximum reached) or there is none. */
static WasmEdge_Result grow_memory(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                   const WasmEdge_Value *In, WasmEdge_Value *Out) {
  WasmEdge_MemoryInstanceContext *Memory = guest_memory(Frame);
  if (Memory == NULL || !WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(Memory, fixture_u32(In[0])))) {
    Out[0] = WasmEdge_ValueGenI32(-1);
    return WasmEdge_Result_Success;
  }
  Out[0] = WasmEdge_ValueGenI32((int32_t)WasmEdge_MemoryInstanceGetPageSize(Memory));
  return WasmEdge_Result_Success;
}

bool fixture_add_memory_functions(WasmEdge_ModuleInstanceContext *Module, FixtureData *Data) {
  return fixture_add_function(Module, "get_option", "iii", "i", get_option, Data) &&
         fixture_add_function(Module, "option_summary", "ii", "i", option_summary, Data) &&
         fixture_add_function(Module, "write_bytes", "iii", "i", write_bytes, Data) &&
         fixture_add_function(Module, "sum_bytes", "ii", "i", sum_bytes, Data) &&
         fixture_add_function(Module, "memory_pages", "", "i", memory_pages, Data) &&
         fixture_add_function(Module, "grow_memory", "i", "i", grow_memory, Data);
}
