#ifndef WS_FIXTURE_OPTIONS_H
#define WS_FIXTURE_OPTIONS_H

#include "fixture.h"

#define FIXTURE_OPTION_COUNT 5

extern WasmEdge_ProgramOption FixtureProgramOptions[FIXTURE_OPTION_COUNT];

/* Copies the current option values; false on allocation failure. */
bool fixture_options_snapshot(FixtureOptions *Out);
void fixture_options_release(FixtureOptions *Options);

#endif /* WS_FIXTURE_OPTIONS_H */
