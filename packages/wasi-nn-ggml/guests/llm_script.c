/*
 * Test guest for the GGML backend: runs a script of wasi_ephemeral_nn calls
 * given as arguments and prints one line per call, "<command> <errno> ...",
 * so tests can assert exact outputs.
 *
 *   load FILE [CONFIG]             load the GGUF bytes of FILE (encoding 6), CONFIG = builder[1]
 *                                  (JSON, or @PATH: the contents of the file PATH)
 *   load_enc FILE ENC              the same with another encoding (e.g. 5, autodetect)
 *   load_by_name NAME | load_by_name_with_config NAME CONFIG
 *   init GRAPH
 *   prompt CTX TEXT                set_input(CTX, 0, TEXT as u8 [len])
 *   meta CTX JSON                  set_input(CTX, 1, JSON) (or @PATH, as for load)
 *   compute CTX | compute_single CTX | fini_single CTX
 *   output CTX INDEX MAX           get_output: errno, size and the text in quotes;
 *   output_single CTX INDEX MAX    "overrun" if anything was written past MAX
 *   stream CTX MAX                 compute_single + get_output_single until an error or
 *                                  MAX tokens: prints the tokens joined by '|' and the last errno
 *   unload GRAPH | finalize CTX
 */
#include <wasi_ephemeral_nn.h>

#include "ws_read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A JSON argument: the text itself, or the contents of the file after '@'
 * (metadata larger than a command-line argument may be). */
static const uint8_t *json_argument(const char *Text, uint32_t *Length) {
  if (Text[0] == '@') return read_file_or_exit(Text + 1, Length);
  *Length = (uint32_t)strlen(Text);
  return (const uint8_t *)Text;
}

static int32_t set_bytes(uint32_t Context, uint32_t Index, const char *Text) {
  uint32_t Length;
  const uint8_t *Data = Index == 1 ? json_argument(Text, &Length) : (const uint8_t *)Text;
  if (Index != 1) Length = (uint32_t)strlen(Text);
  uint32_t Dims[1] = {Length};
  nn_tensor Tensor = {Dims, 1, NN_TYPE_U8, Data, Length};
  return nn_set_input(Context, Index, &Tensor);
}

/* Calls get_output(_single) into a guarded buffer and prints the result. */
static void print_output(const char *Command, int Single, uint32_t Context, uint32_t Index, uint32_t Max) {
  enum { Guard = 64 };
  uint8_t *Buffer = malloc((size_t)Max + Guard);
  memset(Buffer, 0xAB, (size_t)Max + Guard);
  uint32_t Written = 0xDEADBEEF;
  int32_t E = (Single ? nn_get_output_single : nn_get_output)(Context, Index, Buffer, Max, &Written);
  int Intact = 1;
  for (uint32_t I = Max; I < Max + Guard; ++I) Intact &= Buffer[I] == 0xAB;
  printf("%s %d %d%s", Command, E, Written == 0xDEADBEEF ? -1 : (int)Written, Intact ? "" : " overrun");
  if (E == 0) printf(" \"%.*s\"", (int)Written, (const char *)Buffer);
  printf("\n");
  free(Buffer);
}

static uint32_t number(const char *Text) { return (uint32_t)strtoul(Text, NULL, 0); }

static int run(char **Arg, int Left) {
  const char *Command = Arg[0];
  static uint32_t Out;
#define NEED(N)                                                                                    \
  if (Left < (N) + 1) {                                                                            \
    printf("%s: missing arguments\n", Command);                                                    \
    exit(2);                                                                                       \
  }
  if (strcmp(Command, "load") == 0 || strcmp(Command, "load_enc") == 0) {
    NEED(1);
    int WithEncoding = strcmp(Command, "load_enc") == 0;
    nn_builder Builders[2];
    uint32_t Length;
    const uint8_t *Data = read_file_or_exit(Arg[1], &Length);
    Builders[0] = (nn_builder){Data, Length};
    uint32_t Count = 1, Encoding = NN_ENCODING_GGML;
    int Used = 2;
    if (WithEncoding) {
      NEED(2);
      Encoding = number(Arg[2]);
      Used = 3;
    } else if (Left > 2 && (Arg[2][0] == '{' || Arg[2][0] == '@')) {
      uint32_t ConfigLength;
      const uint8_t *Config = json_argument(Arg[2], &ConfigLength);
      Builders[1] = (nn_builder){Config, ConfigLength};
      Count = 2;
      Used = 3;
    }
    Out = 0xDEADBEEF;
    int32_t E = nn_load(Builders, Count, Encoding, NN_TARGET_CPU, &Out);
    printf("%s %d %d\n", Command, E, E == 0 ? (int)Out : -1);
    return Used;
  }
  if (strcmp(Command, "load_by_name") == 0 || strcmp(Command, "load_by_name_with_config") == 0) {
    NEED(1);
    int WithConfig = strcmp(Command, "load_by_name_with_config") == 0;
    if (WithConfig) NEED(2);
    Out = 0xDEADBEEF;
    int32_t E = WithConfig ? nn_load_by_name_with_config(Arg[1], (uint32_t)strlen(Arg[1]), Arg[2],
                                                         (uint32_t)strlen(Arg[2]), &Out)
                           : nn_load_by_name(Arg[1], (uint32_t)strlen(Arg[1]), &Out);
    printf("%s %d %d\n", Command, E, E == 0 ? (int)Out : -1);
    return WithConfig ? 3 : 2;
  }
  if (strcmp(Command, "init") == 0) {
    NEED(1);
    Out = 0xDEADBEEF;
    int32_t E = nn_init_execution_context(number(Arg[1]), &Out);
    printf("init %d %d\n", E, E == 0 ? (int)Out : -1);
    return 2;
  }
  if (strcmp(Command, "prompt") == 0 || strcmp(Command, "meta") == 0) {
    NEED(2);
    printf("%s %d\n", Command, set_bytes(number(Arg[1]), strcmp(Command, "meta") == 0 ? 1 : 0, Arg[2]));
    return 3;
  }
  if (strcmp(Command, "compute") == 0 || strcmp(Command, "compute_single") == 0 ||
      strcmp(Command, "fini_single") == 0 || strcmp(Command, "unload") == 0 || strcmp(Command, "finalize") == 0) {
    NEED(1);
    uint32_t Id = number(Arg[1]);
    int32_t E = strcmp(Command, "compute") == 0          ? nn_compute(Id)
                : strcmp(Command, "compute_single") == 0 ? nn_compute_single(Id)
                : strcmp(Command, "fini_single") == 0    ? nn_fini_single(Id)
                : strcmp(Command, "unload") == 0         ? nn_unload(Id)
                                                         : nn_finalize_execution_context(Id);
    printf("%s %d\n", Command, E);
    return 2;
  }
  if (strcmp(Command, "output") == 0 || strcmp(Command, "output_single") == 0) {
    NEED(3);
    print_output(Command, strcmp(Command, "output_single") == 0, number(Arg[1]), number(Arg[2]), number(Arg[3]));
    return 4;
  }
  if (strcmp(Command, "stream") == 0) {
    NEED(2);
    uint32_t Context = number(Arg[1]), Max = number(Arg[2]);
    int32_t E = 0;
    printf("stream");
    for (uint32_t I = 0; I < Max; ++I) {
      E = nn_compute_single(Context);
      if (E != 0) break;
      char Piece[256];
      uint32_t Written = 0;
      int32_t G = nn_get_output_single(Context, 0, Piece, sizeof(Piece), &Written);
      if (G != 0) {
        E = G;
        break;
      }
      printf("%s%.*s", I == 0 ? " " : "|", (int)Written, Piece);
    }
    printf(" -> %d\n", E);
    return 3;
  }
  printf("unknown command %s\n", Command);
  exit(2);
}

int main(int argc, char **argv) {
  for (int I = 1; I < argc;) I += run(argv + I, argc - I);
  return 0;
}
