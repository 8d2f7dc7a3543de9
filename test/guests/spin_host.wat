;; A guest whose host call never returns: _start calls the JS import env.spin
;; (a test gives it an endless loop), so only a time limit ends it.
(module
  (import "env" "spin" (func $spin))
  (memory (export "memory") 1)
  (func (export "_start") (call $spin)))
