// A guest for the host-call path tests (host-call-paths.test.ts, and the
// Node 22/24 run in test/platform/node-abis.test.ts): imports every ws_fixture
// shape, and re-enters itself through call_export.
export const GUEST = `(module
  (import "ws_fixture" "add_i32" (func $add_i32 (param i32 i32) (result i32)))
  (import "ws_fixture" "add_i64" (func $add_i64 (param i64 i64) (result i64)))
  (import "ws_fixture" "mul_f32" (func $mul_f32 (param f32 f32) (result f32)))
  (import "ws_fixture" "mul_f64" (func $mul_f64 (param f64 f64) (result f64)))
  (import "ws_fixture" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
  (import "ws_fixture" "mixed" (func $mixed (param i32 i64 f32 f64) (result f64)))
  (import "ws_fixture" "sum_bytes" (func $sum_bytes (param i32 i32) (result i32)))
  (import "ws_fixture" "call_export" (func $call_export (param i32 i32 i32) (result i32)))
  (import "ws_fixture" "fail" (func $fail))
  (import "ws_fixture" "terminate" (func $terminate))
  (memory (export "memory") 1)
  (data (i32.const 0) "boomgrow_fill")
  (func (export "add_i32") (param i32 i32) (result i32) (call $add_i32 (local.get 0) (local.get 1)))
  (func (export "add_i64") (param i64 i64) (result i64) (call $add_i64 (local.get 0) (local.get 1)))
  (func (export "mul_f32") (param f32 f32) (result f32) (call $mul_f32 (local.get 0) (local.get 1)))
  (func (export "mul_f64") (param f64 f64) (result f64) (call $mul_f64 (local.get 0) (local.get 1)))
  (func (export "divmod") (param i32 i32) (result i32 i32) (call $divmod (local.get 0) (local.get 1)))
  (func (export "mixed") (param i32 i64 f32 f64) (result f64) (call $mixed (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "fail") (call $fail))
  (func (export "terminate") (call $terminate))
  ;; Called back by call_export: traps.
  (func (export "boom") (param i32) (result i32) unreachable)
  ;; Called back by call_export: grows memory by one page, fills 16 bytes of it with the argument.
  (func (export "grow_fill") (param i32) (result i32)
    (memory.fill (i32.mul (memory.grow (i32.const 1)) (i32.const 65536)) (local.get 0) (i32.const 16))
    (i32.const 0))
  (func (export "reenter_boom") (result i32) (call $call_export (i32.const 0) (i32.const 4) (i32.const 1)))
  ;; Grows inside a re-entrant call, then sums the 16 bytes in the new last page.
  (func (export "reenter_grow") (param i32) (result i32)
    (drop (call $call_export (i32.const 4) (i32.const 9) (local.get 0)))
    (call $sum_bytes (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 65536)) (i32.const 16)))
  ;; Grows in the guest between host calls, then sums 16 bytes of the new page.
  (func (export "grow_then_sum") (param i32) (result i32) (local $page i32)
    (local.set $page (memory.grow (i32.const 1)))
    (memory.fill (i32.mul (local.get $page) (i32.const 65536)) (local.get 0) (i32.const 16))
    (call $sum_bytes (i32.mul (local.get $page) (i32.const 65536)) (i32.const 16))))`;
