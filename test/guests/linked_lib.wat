;; A library module for --module lib:linked_lib.wasm (linked_main.wat imports it): twice(x) = 2x, count() = calls of twice so far; exports its memory.
(module
  (memory (export "mem") 1)
  (global $count (mut i32) (i32.const 0))
  (func (export "twice") (param i32) (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.mul (local.get 0) (i32.const 2)))
  (func (export "count") (result i32) (global.get $count)))
