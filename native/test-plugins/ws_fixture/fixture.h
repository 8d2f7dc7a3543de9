/*
 * ws_fixture: a test plug-in that exercises every part of the C plug-in API
 * the ws host implements (value types, multiple results, host data and
 * finalizers, program options, guest memory, results, callbacks into the
 * guest). Integration tests drive it through test/guests/fixture_calls.c.
 */
#ifndef WS_FIXTURE_H
#define WS_FIXTURE_H

#include <wasmedge/wasmedge.h>

#include <stdint.h>

/* Option values copied when the module is created (WasmEdge plug-ins read
 * their options at creation time, so later option changes do not leak into a
 * running module). */
typedef struct FixtureOptions {
  char *Greeting;        /* NUL-terminated copy, never NULL */
  uint32_t GreetingLength;
  int32_t Scale;
  bool Verbose;
  double Ratio;
  char *Tags;            /* items joined with ',', never NULL */
} FixtureOptions;

/* Module host data, freed by the module finalizer. */
typedef struct FixtureData {
  int32_t Counter;
  FixtureOptions Options;
} FixtureData;

/* Adds a host function whose parameter and result types are spelled as one
 * letter per value: 'i' i32, 'I' i64, 'f' f32, 'F' f64. Returns false (and
 * adds nothing) if the instance could not be created. */
bool fixture_add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name,
                          const char *Params, const char *Results, WasmEdge_HostFunc_t Func,
                          void *Data);

/* Guest-visible unsigned 32-bit value of an i32 parameter (pointers, lengths). */
static inline uint32_t fixture_u32(const WasmEdge_Value Value) {
  return (uint32_t)WasmEdge_ValueGetI32(Value);
}

/* Registration of the function groups, one per source file. */
bool fixture_add_numeric_functions(WasmEdge_ModuleInstanceContext *Module, FixtureData *Data);
bool fixture_add_memory_functions(WasmEdge_ModuleInstanceContext *Module, FixtureData *Data);
bool fixture_add_control_functions(WasmEdge_ModuleInstanceContext *Module, FixtureData *Data);

/* Formats the option summary `greeting=G scale=S verbose=V ratio=R tags=T`
 * into a malloc'ed NUL-terminated string (NULL on allocation failure). */
char *fixture_option_summary(const FixtureOptions *Options);

#endif /* WS_FIXTURE_H */
