#include "id_table.h"

#include <stdio.h>
#include <stdlib.h>

#include <wasmedge/ws_extensions.h>

bool ws_id_table_full(const ws_id_table *Table) {
  const uint32_t Limit = Table->Limit == 0 || Table->Limit > WS_TF_MAX_SESSIONS ? WS_TF_MAX_SESSIONS : Table->Limit;
  return Table->Live >= Limit;
}

bool ws_id_table_refuses(ws_id_table *Table, const char *Plugin, const char *Option) {
  if (!ws_id_table_full(Table)) return false;
  if (!Table->Warned && ws_current_log_level() <= WasmEdge_LogLevel_Warn)
    fprintf(stderr,
            "[ws:%s] This guest holds %u sessions, the most one module instance may: creating another "
            "returns 4 (Busy) until one is deleted. Delete sessions the guest no longer needs, or raise "
            "the limit with --%s N.\n",
            Plugin, Table->Live, Option);
  Table->Warned = true;
  return true;
}

bool ws_id_table_add(ws_id_table *Table, void *Item, uint32_t *IdOut) {
  if (ws_id_table_full(Table)) return false;
  for (uint32_t Id = 0; Id < Table->Capacity; ++Id) {
    if (Table->Slots[Id] == NULL) {
      Table->Slots[Id] = Item;
      Table->Live += 1;
      *IdOut = Id;
      return true;
    }
  }
  if (Table->Capacity >= WS_TF_MAX_SESSIONS) return false;
  uint32_t Capacity = Table->Capacity == 0 ? 16 : Table->Capacity * 2;
  if (Capacity > WS_TF_MAX_SESSIONS) Capacity = WS_TF_MAX_SESSIONS;
  void **Slots = realloc(Table->Slots, (size_t)Capacity * sizeof(void *));
  if (Slots == NULL) return false;
  for (uint32_t I = Table->Capacity; I < Capacity; ++I) Slots[I] = NULL;
  const uint32_t Id = Table->Capacity;
  Slots[Id] = Item;
  Table->Slots = Slots;
  Table->Capacity = Capacity;
  Table->Live += 1;
  *IdOut = Id;
  return true;
}

void *ws_id_table_get(const ws_id_table *Table, uint32_t Id) {
  return Id < Table->Capacity ? Table->Slots[Id] : NULL;
}

void *ws_id_table_remove(ws_id_table *Table, uint32_t Id) {
  if (Id >= Table->Capacity) return NULL;
  void *Item = Table->Slots[Id];
  Table->Slots[Id] = NULL;
  if (Item != NULL) Table->Live -= 1;
  return Item;
}

void ws_id_table_clear(ws_id_table *Table, void (*Destroy)(void *Context, void *Item), void *Context) {
  for (uint32_t Id = 0; Id < Table->Capacity; ++Id)
    if (Table->Slots[Id] != NULL) Destroy(Context, Table->Slots[Id]);
  free(Table->Slots);
  Table->Slots = NULL;
  Table->Capacity = 0;
  Table->Live = 0;
}
