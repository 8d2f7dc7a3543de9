/*
 * The session budget of wasmedge_tensorflowlite (--tflite-max-sessions).
 *   tflite_sessions MODEL COUNT
 * Creates up to COUNT sessions from MODEL and stops at the first refusal,
 * printing its errno; then deletes one session and creates one again. The
 * sessions are left open on purpose: disposing the runtime frees them.
 */
#include <stdio.h>
#include <stdlib.h>

#include <wasmedge_tensorflowlite.h>

#include "ws_read_file.h"

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  uint32_t Length;
  uint8_t *Model = read_file(argv[1], &Length);
  if (Model == NULL) return 3;
  const uint32_t Count = (uint32_t)strtoul(argv[2], NULL, 10);
  uint32_t Created = 0, Id = 0;
  for (; Created < Count; ++Created) {
    const int32_t E = tfl_create_session(Model, Length, &Id);
    if (E != 0) {
      printf("session %u: %d\n", Created, E);
      break;
    }
  }
  printf("created %u\n", Created);
  if (Created == 0) return 0;
  printf("delete 0: %d\n", tfl_delete_session(0));
  const int32_t E = tfl_create_session(Model, Length, &Id);
  printf("create after delete: %d id %u\n", E, E == 0 ? Id : 0);
  Id = 0;
  printf("create again: %d\n", tfl_create_session(Model, Length, &Id));
  return 0;
}
