/* Handle table with never-reused ids (see handle_table.h). The slot array
 * grows with the number of ids ever issued: 8 bytes per load or context. */
#include "handle_table.h"

#include <stdio.h>
#include <stdlib.h>

#include <wasmedge/ws_extensions.h>

static bool full(const ws_nn_table *Table) { return Table->Limit != 0 && Table->Live >= Table->Limit; }

bool ws_nn_table_refuses(ws_nn_table *Table, const char *What, const char *Option) {
  if (!full(Table)) return false;
  if (!Table->Warned && ws_current_log_level() <= WasmEdge_LogLevel_Warn)
    fprintf(stderr,
            "[ws:wasi-nn] This guest holds %u %s, the most one module instance may: creating another "
            "returns 5 (RuntimeError) until one is released. Release what the guest no longer needs, or "
            "raise the limit with --%s N.\n",
            Table->Live, What, Option);
  Table->Warned = true;
  return true;
}

bool ws_nn_table_insert(ws_nn_table *Table, void *Item, uint32_t *IdOut) {
  if (full(Table) || Table->NextId >= UINT32_MAX - 1) return false;
  if (Table->NextId >= Table->Capacity) {
    uint32_t Capacity = Table->Capacity == 0 ? 16 : Table->Capacity * 2;
    if (Capacity < Table->Capacity) Capacity = UINT32_MAX;
    void **Slots = realloc(Table->Slots, (size_t)Capacity * sizeof(void *));
    if (Slots == NULL) return false;
    for (uint32_t I = Table->Capacity; I < Capacity; ++I) Slots[I] = NULL;
    Table->Slots = Slots;
    Table->Capacity = Capacity;
  }
  *IdOut = Table->NextId;
  Table->Slots[Table->NextId++] = Item;
  Table->Live += 1;
  return true;
}

void *ws_nn_table_get(const ws_nn_table *Table, uint32_t Id) {
  return Id < Table->NextId ? Table->Slots[Id] : NULL;
}

void *ws_nn_table_remove(ws_nn_table *Table, uint32_t Id) {
  if (Id >= Table->NextId) return NULL;
  void *Item = Table->Slots[Id];
  Table->Slots[Id] = NULL;
  if (Item != NULL) Table->Live -= 1;
  return Item;
}

void ws_nn_table_free(ws_nn_table *Table) {
  free(Table->Slots);
  Table->Slots = NULL;
  Table->Capacity = 0;
  Table->Live = 0;
}
