/*
 * Session ids of one module instance. An id indexes an array of pointers to
 * heap-allocated sessions, so growing the array never moves a session (the
 * upstream plug-ins keep sessions by value in a std::vector with 16 reserved
 * slots; a 17th session reallocates and corrupts the others). Ids start at 0
 * (a valid id, as upstream) and the lowest free id is reused first.
 */
#ifndef WS_TF_ID_TABLE_H
#define WS_TF_ID_TABLE_H

#include <stdbool.h>
#include <stdint.h>

/* Live sessions per module instance; each holds a model, so this is generous. */
#define WS_TF_MAX_SESSIONS (1u << 20)

typedef struct ws_id_table {
  void **Slots;
  uint32_t Capacity;
} ws_id_table;

/* Stores Item under the lowest free id. Returns false when full or out of memory. */
bool ws_id_table_add(ws_id_table *Table, void *Item, uint32_t *IdOut);
/* The item stored under Id, or NULL. */
void *ws_id_table_get(const ws_id_table *Table, uint32_t Id);
/* Removes and returns the item stored under Id (NULL if none). */
void *ws_id_table_remove(ws_id_table *Table, uint32_t Id);
/* Calls Destroy(Context, item) on every item, then frees the table's memory. */
void ws_id_table_clear(ws_id_table *Table, void (*Destroy)(void *Context, void *Item), void *Context);

#endif /* WS_TF_ID_TABLE_H */
