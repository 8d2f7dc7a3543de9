/* libws_gone.so: a dependency of the missing_dependency fixture, built into a
 * folder that is not on the library search path, so dlopen of the fixture
 * fails with "libws_gone.so: cannot open shared object file". */
#include <stdint.h>

__attribute__((visibility("default"))) int32_t ws_gone_value(void) { return 7; }
