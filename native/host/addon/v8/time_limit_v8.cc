// The time limit (RuntimeOptions.timeLimitMs, `ws run --time-limit`): a call
// that V8 itself terminates when it runs too long, as node:vm's `timeout`
// does. A watchdog thread waits for the deadline; if the call is still
// running then, it sets the call's interrupt flag (plug-ins read it through
// ws_interrupt_requested(), ws_extensions.h) and calls
// Isolate::TerminateExecution(), the one V8 call that is safe from another
// thread. V8 stops the guest at its next interrupt check (every Wasm loop
// header and function entry has one; a host call is left to return first)
// and unwinds the whole call, JS catch blocks included. Once it has unwound,
// CancelTerminateExecution() makes the isolate usable again and the caller is
// told the limit fired: no exception is left pending.
#include <node_version.h>  // before node_api.h: it sets NAPI_VERSION
#include <node_api.h>
#include <v8.h>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>
#include "v8_calls.h"

#define WS_V8_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

// napi_value is a v8::Local<v8::Value> in Node (host_call_v8.cc checks it at init).
inline v8::Local<v8::Value> AsLocal(napi_value value) {
  v8::Local<v8::Value> local;
  std::memcpy(static_cast<void *>(&local), &value, sizeof(value));
  return local;
}

inline napi_value AsNapi(v8::Local<v8::Value> local) {
  napi_value value;
  std::memcpy(&value, static_cast<void *>(&local), sizeof(value));
  return value;
}

// One per limited call, on the caller's stack: the call outlives the thread.
class Watchdog {
 public:
  Watchdog(v8::Isolate *isolate, double milliseconds)
      : isolate_(isolate),
        deadline_(std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double, std::milli>(milliseconds))),
        thread_([this] { Watch(); }) {}

  // Stops the thread (the call has returned or unwound); true if it fired.
  bool Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    wake_.notify_one();
    thread_.join();
    return __atomic_load_n(&fired_, __ATOMIC_ACQUIRE) != 0;
  }

  const int *Flag() const { return &fired_; }

 private:
  void Watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_until(lock, deadline_, [this] { return done_; })) return;
    // Under the lock: Stop() cannot return (and the caller cancel) before
    // TerminateExecution has been requested.
    __atomic_store_n(&fired_, 1, __ATOMIC_RELEASE);
    isolate_->TerminateExecution();
  }

  v8::Isolate *isolate_;
  std::chrono::steady_clock::time_point deadline_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  int fired_ = 0;
  std::thread thread_;  // last: started once the rest is initialised
};

}  // namespace

WS_V8_EXPORT napi_status ws_v8_call_with_time_limit(napi_env env, napi_value function, napi_value receiver, size_t argc,
                                                    const napi_value *argv, double milliseconds, napi_value *result,
                                                    int *timedOut) {
  (void)env;
  *timedOut = 0;
  v8::Isolate *isolate = v8::Isolate::GetCurrent();
  v8::Local<v8::Value> callee = AsLocal(function);
  if (isolate == nullptr || callee.IsEmpty() || !callee->IsFunction()) return napi_function_expected;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<v8::Local<v8::Value>> args(argc);
  for (size_t i = 0; i < argc; ++i) args[i] = AsLocal(argv[i]);
  v8::Local<v8::Value> self = receiver == nullptr ? v8::Local<v8::Value>(v8::Undefined(isolate)) : AsLocal(receiver);

  v8::TryCatch tryCatch(isolate);
  Watchdog watchdog(isolate, milliseconds);
  const int *outerFlag = ws_host_set_interrupt_flag(watchdog.Flag());
  v8::MaybeLocal<v8::Value> value =
      callee.As<v8::Function>()->Call(context, self, static_cast<int>(argc), args.empty() ? nullptr : args.data());
  ws_host_set_interrupt_flag(outerFlag);
  if (watchdog.Stop()) {
    // Fired, even if the call finished meanwhile: the limit is what the caller
    // reports, and a termination still requested must not hit later JS.
    isolate->CancelTerminateExecution();
    tryCatch.Reset();
    *timedOut = 1;
    return napi_ok;
  }
  if (value.IsEmpty()) {
    // Terminated by someone else (worker.terminate(), process exit): leave it be.
    if (tryCatch.HasCaught() && tryCatch.CanContinue()) tryCatch.ReThrow();
    return napi_pending_exception;
  }
  *result = AsNapi(value.ToLocalChecked());
  return napi_ok;
}
