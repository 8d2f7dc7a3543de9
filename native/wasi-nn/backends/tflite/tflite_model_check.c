/* See tflite_model_check.h. A bounds-checked walk of the TFLite flatbuffer
 * (schema.fbs: Model, SubGraph, Operator) over the fields whose absence
 * TensorFlow-Lite 2.9's InterpreterBuilder dereferences without a check. */
#include "tflite_model_check.h"

#include <string.h>

typedef struct {
  const uint8_t *Data;
  size_t Size;
} fb;

static bool read_u32(const fb *B, size_t At, uint32_t *Out) {
  if (At > B->Size || B->Size - At < 4) return false;
  memcpy(Out, B->Data + At, 4);
  return true;
}

static bool read_u16(const fb *B, size_t At, uint16_t *Out) {
  if (At > B->Size || B->Size - At < 2) return false;
  memcpy(Out, B->Data + At, 2);
  return true;
}

/* Position of field `Id` of the table at `Table`; 0 when absent. False when
 * the table or its vtable lies outside the buffer. */
static bool field(const fb *B, size_t Table, unsigned Id, size_t *Pos) {
  uint32_t SOffset;
  if (!read_u32(B, Table, &SOffset)) return false;
  const int64_t VTable = (int64_t)Table - (int32_t)SOffset;
  if (VTable < 0 || (uint64_t)VTable >= B->Size) return false;
  uint16_t VTableSize, Offset = 0;
  if (!read_u16(B, (size_t)VTable, &VTableSize)) return false;
  if (4u + 2u * Id + 2u <= VTableSize && !read_u16(B, (size_t)VTable + 4u + 2u * Id, &Offset)) return false;
  *Pos = Offset == 0 ? 0 : Table + Offset;
  return true;
}

/* Follows the uoffset stored at `Pos` (a table, vector or string reference). */
static bool follow(const fb *B, size_t Pos, size_t *Target) {
  uint32_t Offset;
  if (!read_u32(B, Pos, &Offset) || (uint64_t)Pos + Offset >= B->Size) return false;
  *Target = Pos + Offset;
  return true;
}

/* The vector referenced by field `Id` of `Table`: its element count and the
 * position of element 0. False when the field is absent or out of bounds. */
static bool vector_field(const fb *B, size_t Table, unsigned Id, uint32_t *Count, size_t *Elements) {
  size_t Pos, Vector;
  if (!field(B, Table, Id, &Pos) || Pos == 0 || !follow(B, Pos, &Vector) || !read_u32(B, Vector, Count)) return false;
  *Elements = Vector + 4;
  return (uint64_t)*Count * 4 <= B->Size - *Elements;
}

/* Element I of a vector of tables. */
static bool table_at(const fb *B, size_t Elements, uint32_t I, size_t *Table) {
  return follow(B, Elements + 4u * (size_t)I, Table);
}

/* A vector of tensor indices: each -1 (an omitted optional input) or below Tensors. */
static bool indices_field(const fb *B, size_t Table, unsigned Id, uint32_t Tensors) {
  uint32_t Count;
  size_t Elements;
  if (!vector_field(B, Table, Id, &Count, &Elements)) return false;
  for (uint32_t I = 0; I < Count; ++I) {
    uint32_t Index;
    if (!read_u32(B, Elements + 4u * (size_t)I, &Index)) return false;
    if (Index != UINT32_MAX && Index >= Tensors) return false;
  }
  return true;
}

/* Bytes of one element of TensorType `Type` (schema.fbs); 8 for types this
 * table does not know, which only makes the estimate larger. */
static uint64_t element_size(uint8_t Type) {
  static const uint8_t Sizes[] = {4, 2, 4, 1, 8, 1, 1, 2, 8, 1, 8, 16, 8, 8, 8, 4, 2, 1};
  return Type < sizeof(Sizes) ? Sizes[Type] : 8;
}

/* Adds the declared size of the tensor at `Tensor` (shape: field 0, type:
 * field 1; -1 dimensions count as 1) to *Total, saturating. */
static bool add_tensor_bytes(const fb *B, size_t Tensor, uint64_t *Total) {
  size_t Pos, Elements;
  uint8_t Type = 0;
  uint32_t Dims = 0;
  if (!field(B, Tensor, 1, &Pos)) return false;
  if (Pos != 0) {
    if (Pos >= B->Size) return false;
    Type = B->Data[Pos];
  }
  uint64_t Bytes = element_size(Type);
  if (!field(B, Tensor, 0, &Pos)) return false;
  if (Pos != 0 && !vector_field(B, Tensor, 0, &Dims, &Elements)) return false;
  for (uint32_t I = 0; I < Dims; ++I) {
    uint32_t Dim;
    if (!read_u32(B, Elements + 4u * (size_t)I, &Dim)) return false;
    const uint64_t D = (int32_t)Dim > 0 ? Dim : 1;
    Bytes = Bytes > WS_TFLITE_MAX_TENSOR_BYTES / D ? WS_TFLITE_MAX_TENSOR_BYTES + 1 : Bytes * D;
  }
  *Total = *Total > WS_TFLITE_MAX_TENSOR_BYTES - Bytes ? WS_TFLITE_MAX_TENSOR_BYTES + 1 : *Total + Bytes;
  return true;
}

/* Model fields: 1 operator_codes, 2 subgraphs. SubGraph: 0 tensors, 1 inputs,
 * 2 outputs, 3 operators. Operator: 0 opcode_index, 1 inputs, 2 outputs. */
bool ws_tflite_model_well_formed(const void *Model, size_t Size) {
  const fb B = {Model, Size};
  size_t Root, Pos;
  uint32_t OpCodes, Subgraphs;
  size_t OpCodeElements, SubgraphElements;
  if (!follow(&B, 0, &Root)) return false;
  if (!vector_field(&B, Root, 1, &OpCodes, &OpCodeElements)) return false;
  if (!vector_field(&B, Root, 2, &Subgraphs, &SubgraphElements) || Subgraphs == 0) return false;
  uint64_t TensorBytes = 0;
  for (uint32_t S = 0; S < Subgraphs; ++S) {
    size_t Subgraph, TensorElements, OperatorElements;
    uint32_t Tensors, Operators;
    if (!table_at(&B, SubgraphElements, S, &Subgraph)) return false;
    if (!vector_field(&B, Subgraph, 0, &Tensors, &TensorElements)) return false;
    for (uint32_t T = 0; T < Tensors; ++T) {
      size_t Tensor;
      if (!table_at(&B, TensorElements, T, &Tensor) || !add_tensor_bytes(&B, Tensor, &TensorBytes)) return false;
    }
    if (TensorBytes > WS_TFLITE_MAX_TENSOR_BYTES) return false;
    if (!indices_field(&B, Subgraph, 1, Tensors) || !indices_field(&B, Subgraph, 2, Tensors)) return false;
    if (!vector_field(&B, Subgraph, 3, &Operators, &OperatorElements)) return false;
    for (uint32_t O = 0; O < Operators; ++O) {
      size_t Operator;
      uint32_t OpCode = 0;
      if (!table_at(&B, OperatorElements, O, &Operator)) return false;
      if (!field(&B, Operator, 0, &Pos)) return false;
      if (Pos != 0 && !read_u32(&B, Pos, &OpCode)) return false;
      if (OpCode >= OpCodes) return false;
      if (!indices_field(&B, Operator, 1, Tensors) || !indices_field(&B, Operator, 2, Tensors)) return false;
    }
  }
  return true;
}
