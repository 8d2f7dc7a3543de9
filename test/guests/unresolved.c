/*
 * unresolved: imports functions from four modules that a host without the
 * matching plug-ins cannot resolve, so instantiation fails with ONE error
 * listing every unresolved import:
 *   wasmedge_process.wasmedge_process_run   (plug-in wasmedge_process)
 *   wasi_ephemeral_nn.load                  (plug-in wasi_nn)
 *   nonexistent_mod.f                       (no known provider)
 *   ws_fixture.no_such_function             (module exists, function does not)
 * The calls sit behind a condition that is false at run time, so the imports
 * are kept but never reached.
 */
#include <stdint.h>
#include <stdio.h>

#include <wasi_ephemeral_nn.h>
#include <wasmedge_process.h>

__attribute__((import_module("nonexistent_mod"), import_name("f"))) void nonexistent_f(void);
__attribute__((import_module("ws_fixture"), import_name("no_such_function"))) int32_t no_such_function(int32_t);

int main(int argc, char **argv) {
  if (argc > 100) {
    nonexistent_f();
    return wasmedge_process_run() + nn_load(0, 0, 0, 0, 0) + no_such_function(argc);
  }
  printf("unresolved: instantiated (the host resolved every import)\n");
  return 0;
}
