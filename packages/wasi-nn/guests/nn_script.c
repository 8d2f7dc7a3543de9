/*
 * Test guest: runs a script of wasi_ephemeral_nn calls given as arguments
 * and prints one line per call, "<command> <errno> [results...]", so tests
 * can assert exact outputs. Raw variants pass guest pointers unchecked
 * (numbers, or "end" / "end-N" relative to the end of linear memory).
 *
 *   load FILE [ENC [TARGET]]          read FILE (a preopened path) and load it
 *   load_text TEXT [ENC]              load the bytes of TEXT (e.g. a host path)
 *   load_n FILE COUNT                 the same builder COUNT times
 *   load_raw ARRAY COUNT ENC TARGET OUT
 *   load_builder PTR LEN              one builder entry with raw PTR and LEN
 *   load_by_name NAME | load_by_name_raw NAME_PTR LEN OUT
 *   load_by_name_with_config NAME CONFIG | load_by_name_with_config_raw NP NL CP CL OUT
 *   init GRAPH | init_raw GRAPH OUT
 *   set CTX INDEX TAG DIMS KIND:VALUES  e.g. set 0 0 1 1,4 f32:1,2,3,4 (KIND f32|i32|u8)
 *   set_raw CTX INDEX TENSOR_PTR
 *   set_fields CTX INDEX DIMS_PTR DIMS_LEN TAG DATA_PTR DATA_LEN
 *   compute CTX | compute_single CTX | fini_single CTX
 *   get CTX INDEX MAX KIND            prints written size and values; checks
 *                                     that nothing past MAX was written
 *   get_single CTX INDEX MAX KIND
 *   get_raw CTX INDEX BUF LEN WRITTEN
 *   unload GRAPH | finalize CTX
 *   mapped NAME                       is NAME in the host's /proc/self/maps (needs --dir /proc:/proc)
 */
#include <wasi_ephemeral_nn.h>

#include "ws_read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Guest addresses as numbers and back: the *_raw commands and the hand-laid
 * tensor words pass addresses the C types would not allow (out of range,
 * near the end of memory). */
#define ADDRESS(pointer) ((uint32_t)(uintptr_t)(pointer))
#define RAW(address) ((void *)(uintptr_t)(address))

static uint32_t number(const char *Text) {
  if (strncmp(Text, "end", 3) == 0) {
    uint32_t End = (uint32_t)(__builtin_wasm_memory_size(0) * 65536u);
    return Text[3] == '-' ? End - (uint32_t)strtoul(Text + 4, NULL, 0) : End;
  }
  return (uint32_t)strtoul(Text, NULL, 0);
}

/* Parses "1,4" into Dims; returns the count. */
static uint32_t parse_list_u32(const char *Text, uint32_t *Out, uint32_t Max) {
  uint32_t Count = 0;
  if (Text[0] == '\0' || strcmp(Text, "-") == 0) return 0;
  for (const char *At = Text; Count < Max;) {
    Out[Count++] = (uint32_t)strtoul(At, NULL, 0);
    At = strchr(At, ',');
    if (At == NULL) break;
    At++;
  }
  return Count;
}

/* Parses "f32:1,2" into bytes; returns the byte length. */
static uint32_t parse_values(const char *Spec, uint8_t *Out, uint32_t Max) {
  const char *Values = strchr(Spec, ':');
  if (Values == NULL) return 0;
  Values++;
  uint32_t Length = 0;
  for (const char *At = Values; *At != '\0';) {
    if (strncmp(Spec, "f32", 3) == 0 && Length + 4 <= Max) {
      float V = strtof(At, NULL);
      memcpy(Out + Length, &V, 4), Length += 4;
    } else if (strncmp(Spec, "i32", 3) == 0 && Length + 4 <= Max) {
      int32_t V = (int32_t)strtol(At, NULL, 0);
      memcpy(Out + Length, &V, 4), Length += 4;
    } else if (strncmp(Spec, "u8", 2) == 0 && Length + 1 <= Max) {
      Out[Length++] = (uint8_t)strtoul(At, NULL, 0);
    } else {
      break;
    }
    At = strchr(At, ',');
    if (At == NULL) break;
    At++;
  }
  return Length;
}

static void print_values(const char *Kind, const uint8_t *Data, uint32_t Length) {
  if (strcmp(Kind, "f32") == 0) {
    for (uint32_t I = 0; I + 4 <= Length; I += 4) {
      float V;
      memcpy(&V, Data + I, 4);
      printf(" %g", V);
    }
  } else if (strcmp(Kind, "i32") == 0) {
    for (uint32_t I = 0; I + 4 <= Length; I += 4) {
      int32_t V;
      memcpy(&V, Data + I, 4);
      printf(" %d", V);
    }
  } else {
    for (uint32_t I = 0; I < Length; ++I) printf(" %u", Data[I]);
  }
}

/* Every command consumes its arguments and returns how many it used. */
static int run(char **Arg, int Left) {
  const char *Command = Arg[0];
  static uint32_t Out; /* handle out-pointer */
  int32_t E;
#define NEED(N)                                                                                    \
  if (Left < (N) + 1) {                                                                            \
    printf("%s: missing arguments\n", Command);                                                    \
    exit(2);                                                                                       \
  }
  if (strcmp(Command, "load") == 0 || strcmp(Command, "load_n") == 0 || strcmp(Command, "load_text") == 0) {
    NEED(1);
    int IsText = strcmp(Command, "load_text") == 0, IsN = strcmp(Command, "load_n") == 0;
    nn_builder Builders[4];
    uint32_t Length = (uint32_t)strlen(Arg[1]);
    const uint8_t *Data = IsText ? (const uint8_t *)Arg[1] : read_file_or_exit(Arg[1], &Length);
    uint32_t Count = IsN ? number(Arg[2]) : 1;
    for (uint32_t I = 0; I < Count && I < 4; ++I) Builders[I] = (nn_builder){Data, Length};
    int Used = IsN ? 3 : 2;
    uint32_t Encoding = NN_ENCODING_TENSORFLOWLITE, Target = NN_TARGET_CPU;
    if (!IsN && Left > 2 && Arg[2][0] >= '0' && Arg[2][0] <= '9') Encoding = number(Arg[2]), Used = 3;
    if (!IsN && !IsText && Used == 3 && Left > 3 && Arg[3][0] >= '0' && Arg[3][0] <= '9') Target = number(Arg[3]), Used = 4;
    Out = 0xDEADBEEF;
    E = nn_load(Builders, Count, Encoding, Target, &Out);
    printf("%s %d %d\n", Command, E, E == 0 ? (int)Out : -1);
    return Used;
  }
  if (strcmp(Command, "load_builder") == 0) {
    NEED(2);
    uint32_t Entry[2] = {number(Arg[1]), number(Arg[2])};
    printf("load_builder %d\n", nn_load((const void *)Entry, 1, NN_ENCODING_TENSORFLOWLITE, NN_TARGET_CPU, &Out));
    return 3;
  }
  if (strcmp(Command, "load_raw") == 0) {
    NEED(5);
    printf("load_raw %d\n", nn_load(RAW(number(Arg[1])), number(Arg[2]), number(Arg[3]), number(Arg[4]), RAW(number(Arg[5]))));
    return 6;
  }
  if (strcmp(Command, "load_by_name") == 0) {
    NEED(1);
    Out = 0xDEADBEEF;
    E = nn_load_by_name(Arg[1], (uint32_t)strlen(Arg[1]), &Out);
    printf("load_by_name %d %d\n", E, E == 0 ? (int)Out : -1);
    return 2;
  }
  if (strcmp(Command, "load_by_name_raw") == 0) {
    NEED(3);
    printf("load_by_name_raw %d\n", nn_load_by_name(RAW(number(Arg[1])), number(Arg[2]), RAW(number(Arg[3]))));
    return 4;
  }
  if (strcmp(Command, "load_by_name_with_config") == 0) {
    NEED(2);
    Out = 0xDEADBEEF;
    E = nn_load_by_name_with_config(Arg[1], (uint32_t)strlen(Arg[1]), Arg[2], (uint32_t)strlen(Arg[2]), &Out);
    printf("load_by_name_with_config %d %d\n", E, E == 0 ? (int)Out : -1);
    return 3;
  }
  if (strcmp(Command, "load_by_name_with_config_raw") == 0) {
    NEED(5);
    printf("load_by_name_with_config_raw %d\n",
           nn_load_by_name_with_config(RAW(number(Arg[1])), number(Arg[2]), RAW(number(Arg[3])), number(Arg[4]),
                                       RAW(number(Arg[5]))));
    return 6;
  }
  if (strcmp(Command, "init") == 0) {
    NEED(1);
    Out = 0xDEADBEEF;
    E = nn_init_execution_context(number(Arg[1]), &Out);
    printf("init %d %d\n", E, E == 0 ? (int)Out : -1);
    return 2;
  }
  if (strcmp(Command, "init_raw") == 0) {
    NEED(2);
    printf("init_raw %d\n", nn_init_execution_context(number(Arg[1]), RAW(number(Arg[2]))));
    return 3;
  }
  if (strcmp(Command, "set") == 0) {
    NEED(5);
    static uint32_t Dims[16];
    static uint8_t Data[4096];
    uint32_t DimCount = parse_list_u32(Arg[4], Dims, 16);
    uint32_t Length = parse_values(Arg[5], Data, sizeof(Data));
    /* Padding bytes set to garbage: the host must read only the byte at +8. */
    uint8_t Struct[20];
    uint32_t Fields[5] = {ADDRESS(Dims), DimCount, 0xA5A5A500u | (number(Arg[3]) & 0xFF), ADDRESS(Data), Length};
    memcpy(Struct, Fields, sizeof(Struct));
    printf("set %d\n", nn_set_input(number(Arg[1]), number(Arg[2]), (const void *)Struct));
    return 6;
  }
  if (strcmp(Command, "set_raw") == 0) {
    NEED(3);
    printf("set_raw %d\n", nn_set_input(number(Arg[1]), number(Arg[2]), RAW(number(Arg[3]))));
    return 4;
  }
  if (strcmp(Command, "set_fields") == 0) {
    NEED(7);
    uint32_t Fields[5] = {number(Arg[3]), number(Arg[4]), number(Arg[5]), number(Arg[6]), number(Arg[7])};
    printf("set_fields %d\n", nn_set_input(number(Arg[1]), number(Arg[2]), (const void *)Fields));
    return 8;
  }
  if (strcmp(Command, "compute") == 0 || strcmp(Command, "compute_single") == 0 ||
      strcmp(Command, "fini_single") == 0 || strcmp(Command, "unload") == 0 ||
      strcmp(Command, "finalize") == 0) {
    NEED(1);
    uint32_t Id = number(Arg[1]);
    E = strcmp(Command, "compute") == 0          ? nn_compute(Id)
        : strcmp(Command, "compute_single") == 0 ? nn_compute_single(Id)
        : strcmp(Command, "fini_single") == 0    ? nn_fini_single(Id)
        : strcmp(Command, "unload") == 0         ? nn_unload(Id)
                                                 : nn_finalize_execution_context(Id);
    printf("%s %d\n", Command, E);
    return 2;
  }
  if (strcmp(Command, "get") == 0 || strcmp(Command, "get_single") == 0) {
    NEED(4);
    int Single = strcmp(Command, "get_single") == 0;
    uint32_t Max = number(Arg[3]);
    const char *Kind = Arg[4];
    enum { Guard = 64 };
    uint8_t *Buffer = malloc((size_t)Max + Guard);
    memset(Buffer, 0xAB, (size_t)Max + Guard);
    uint32_t Written = 0xDEADBEEF;
    E = (Single ? nn_get_output_single : nn_get_output)(number(Arg[1]), number(Arg[2]), Buffer, Max, &Written);
    int Intact = 1;
    for (uint32_t I = Max; I < Max + Guard; ++I) Intact &= Buffer[I] == 0xAB;
    int Untouched = 1;
    for (uint32_t I = 0; I < Max; ++I) Untouched &= Buffer[I] == 0xAB;
    printf("%s %d %d %s", Command, E, Written == 0xDEADBEEF ? -1 : (int)Written,
           !Intact ? "overrun" : (Untouched && Max > 0) ? "untouched" : "ok");
    if (E == 0) print_values(Kind, Buffer, Written);
    printf("\n");
    free(Buffer);
    return 5;
  }
  if (strcmp(Command, "get_raw") == 0) {
    NEED(5);
    printf("get_raw %d\n", nn_get_output(number(Arg[1]), number(Arg[2]), RAW(number(Arg[3])), number(Arg[4]), RAW(number(Arg[5]))));
    return 6;
  }
  if (strcmp(Command, "mapped") == 0) {
    /* Whether the host process has a library mapped (needs --dir /proc:/proc). */
    NEED(1);
    FILE *Maps = fopen("/proc/self/maps", "r");
    if (Maps == NULL) {
      printf("mapped %s unknown\n", Arg[1]);
      return 2;
    }
    static char Line[4096];
    int Found = 0;
    while (fgets(Line, sizeof(Line), Maps) != NULL) Found |= strstr(Line, Arg[1]) != NULL;
    fclose(Maps);
    printf("mapped %s %s\n", Arg[1], Found ? "yes" : "no");
    return 2;
  }
  printf("unknown command %s\n", Command);
  exit(2);
}

int main(int argc, char **argv) {
  for (int I = 1; I < argc;) I += run(argv + I, argc - I);
  return 0;
}
