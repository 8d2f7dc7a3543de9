/*
 * A table of live objects addressed by u32 ids, as WasmEdge's ResourceTable:
 * ids start at 0, go up by one and are never reused, so a stale id can never
 * reach a newer object. Not thread-safe: one table belongs to one module
 * instance, whose host functions run on the guest's thread.
 */
#ifndef WS_WASI_NN_HANDLE_TABLE_H
#define WS_WASI_NN_HANDLE_TABLE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct ws_nn_table {
  void **Slots;       /* Slots[id] is the object, NULL once removed */
  uint32_t Capacity;
  uint32_t NextId;
  uint32_t Live;      /* objects stored */
  uint32_t Limit;     /* most objects at once (--nn-max-graphs, --nn-max-contexts); 0: no limit */
  bool Warned;        /* the limit's message was printed */
} ws_nn_table;

/* True when Limit objects are stored (a new one would be refused); the first
 * time, one line on stderr at the host's warning level names Option. */
bool ws_nn_table_refuses(ws_nn_table *Table, const char *What, const char *Option);
/* Stores Item under a fresh id. False when the table holds Limit objects, ids
 * are exhausted (the next id would be 0xFFFFFFFF) or memory runs out; nothing
 * is stored then. */
bool ws_nn_table_insert(ws_nn_table *Table, void *Item, uint32_t *IdOut);
/* The object under Id, or NULL for unknown and removed ids. */
void *ws_nn_table_get(const ws_nn_table *Table, uint32_t Id);
/* Removes and returns the object under Id (NULL if none). */
void *ws_nn_table_remove(ws_nn_table *Table, uint32_t Id);
void ws_nn_table_free(ws_nn_table *Table);

#endif /* WS_WASI_NN_HANDLE_TABLE_H */
