// The interrupt flag of a time limit (ws_extensions.h: ws_interrupt_requested).
// One flag per guest call, not per process: guests run on several threads at
// once (workers) and a limit ends only its own guest. The thread that runs the
// guest points its thread_local at the flag of its limited call
// (ws_host_set_interrupt_flag, from ws_bridge_v8); the watchdog thread sets
// the flag; a plug-in's host function, which runs on the guest's thread,
// reads it.
#include "internal.h"
#include "ws_host.h"
#include "wasmedge/ws_extensions.h"

namespace {
thread_local const int *CurrentFlag = nullptr;
}  // namespace

WS_EXPORT const int *ws_host_set_interrupt_flag(const int *Flag) {
  const int *Previous = CurrentFlag;
  CurrentFlag = Flag;
  return Previous;
}

WS_EXPORT int ws_interrupt_requested(void) {
  const int *Flag = CurrentFlag;
  return Flag != nullptr && __atomic_load_n(Flag, __ATOMIC_ACQUIRE) != 0;
}
