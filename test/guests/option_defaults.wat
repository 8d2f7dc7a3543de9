;; The guest of the ws_option_defaults plug-in (native/test-plugins/
;; ws_option_defaults): prints the option values the plug-in saw when its
;; module was created. Memory map: [0..8) one iovec, [8..12) fd_write's
;; count, [1024..1536) the report.
(module
  (import "ws_option_defaults" "report" (func $report (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (call $report (i32.const 1024) (i32.const 512)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
