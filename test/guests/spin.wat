;; spin: _start loops forever (time limits, isolation and pool shutdown tests).
(module
  (memory (export "memory") 1)
  (func (export "_start") (loop $forever (br $forever))))
