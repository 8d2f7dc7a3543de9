/* Program options of ws_fixture: one of each kind the ws host supports, so
 * tests can check that `--name value` reaches the plug-in byte for byte. */
#include "fixture.h"
#include "options.h"

#include <wasmedge/ws_extensions.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Storage written by the host. Absent flags leave these untouched (WasmEdge
 * semantics), so the initial values are what a module sees without options. */
static WasmEdge_String GreetingStorage = {0, NULL};
static int32_t ScaleStorage = 0;
static bool VerboseStorage = false;
static double RatioStorage = 0.0;
static WS_StringList TagsStorage = {0, NULL};

/* Implicit value of `--greeting` given without a value. The other options
 * have none, so they always need a value (`--scale` alone is an error). Note
 * that WasmEdge's own CLI would make such options mandatory; ws does not. */
static const WasmEdge_String GreetingImplicit = {5, "hello"};

WasmEdge_ProgramOption FixtureProgramOptions[FIXTURE_OPTION_COUNT] = {
    {.Name = "greeting",
     .Description = "Text returned by ws_fixture.get_option (implicit value: hello).",
     .Type = WasmEdge_ProgramOptionType_String,
     .Storage = &GreetingStorage,
     .DefaultValue = &GreetingImplicit},
    {.Name = "scale",
     .Description = "An Int32 option echoed by ws_fixture.option_summary.",
     .Type = WasmEdge_ProgramOptionType_Int32,
     .Storage = &ScaleStorage,
     .DefaultValue = NULL},
    {.Name = "verbose",
     .Description = "A toggle echoed by ws_fixture.option_summary.",
     .Type = WasmEdge_ProgramOptionType_Toggle,
     .Storage = &VerboseStorage,
     .DefaultValue = NULL},
    {.Name = "ratio",
     .Description = "A Double option echoed by ws_fixture.option_summary.",
     .Type = WasmEdge_ProgramOptionType_Double,
     .Storage = &RatioStorage,
     .DefaultValue = NULL},
    {.Name = "tags",
     .Description = "A repeatable string option echoed by ws_fixture.option_summary.",
     .Type = WS_ProgramOptionType_StringList,
     .Storage = &TagsStorage,
     .DefaultValue = NULL},
};

static char *copy_bytes(const char *Bytes, uint32_t Length) {
  char *Copy = malloc((size_t)Length + 1);
  if (Copy == NULL) return NULL;
  if (Length > 0) memcpy(Copy, Bytes, Length);
  Copy[Length] = '\0';
  return Copy;
}

static char *join_tags(const WS_StringList *Tags) {
  size_t Total = 1;
  for (uint32_t I = 0; I < Tags->Length; ++I) Total += (size_t)Tags->Items[I].Length + 1;
  char *Joined = malloc(Total);
  if (Joined == NULL) return NULL;
  size_t At = 0;
  for (uint32_t I = 0; I < Tags->Length; ++I) {
    if (I > 0) Joined[At++] = ',';
    if (Tags->Items[I].Length > 0) memcpy(Joined + At, Tags->Items[I].Buf, Tags->Items[I].Length);
    At += Tags->Items[I].Length;
  }
  Joined[At] = '\0';
  return Joined;
}

bool fixture_options_snapshot(FixtureOptions *Out) {
  Out->GreetingLength = GreetingStorage.Buf != NULL ? GreetingStorage.Length : 0;
  Out->Greeting = copy_bytes(GreetingStorage.Buf, Out->GreetingLength);
  Out->Scale = ScaleStorage;
  Out->Verbose = VerboseStorage;
  Out->Ratio = RatioStorage;
  Out->Tags = TagsStorage.Items != NULL ? join_tags(&TagsStorage) : copy_bytes("", 0);
  if (Out->Greeting == NULL || Out->Tags == NULL) {
    fixture_options_release(Out);
    return false;
  }
  return true;
}

void fixture_options_release(FixtureOptions *Options) {
  free(Options->Greeting);
  free(Options->Tags);
  Options->Greeting = NULL;
  Options->Tags = NULL;
}

char *fixture_option_summary(const FixtureOptions *Options) {
  const char *Format = "greeting=%s scale=%d verbose=%d ratio=%g tags=%s";
  int Length = snprintf(NULL, 0, Format, Options->Greeting, Options->Scale, Options->Verbose ? 1 : 0,
                        Options->Ratio, Options->Tags);
  if (Length < 0) return NULL;
  char *Text = malloc((size_t)Length + 1);
  if (Text == NULL) return NULL;
  snprintf(Text, (size_t)Length + 1, Format, Options->Greeting, Options->Scale,
           Options->Verbose ? 1 : 0, Options->Ratio, Options->Tags);
  return Text;
}
