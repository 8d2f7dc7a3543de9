#include "id_table.h"

#include <stdlib.h>

bool ws_id_table_add(ws_id_table *Table, void *Item, uint32_t *IdOut) {
  for (uint32_t Id = 0; Id < Table->Capacity; ++Id) {
    if (Table->Slots[Id] == NULL) {
      Table->Slots[Id] = Item;
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
  return Item;
}

void ws_id_table_clear(ws_id_table *Table, void (*Destroy)(void *Context, void *Item), void *Context) {
  for (uint32_t Id = 0; Id < Table->Capacity; ++Id)
    if (Table->Slots[Id] != NULL) Destroy(Context, Table->Slots[Id]);
  free(Table->Slots);
  Table->Slots = NULL;
  Table->Capacity = 0;
}
