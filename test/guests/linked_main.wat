;; Imports lib.twice and lib.count (ws run --module lib:linked_lib.wasm --reactor linked_main.wasm run 21 prints 42 and 2).
(module
  (import "lib" "twice" (func $twice (param i32) (result i32)))
  (import "lib" "count" (func $count (result i32)))
  (func (export "run") (param i32) (result i32 i32)
    (call $twice (local.get 0)) (drop (call $twice (i32.const 1))) (call $count)))
