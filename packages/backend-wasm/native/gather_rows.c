// Gathering whole rows is a sequence of block copies; -mbulk-memory turns each __builtin_memcpy into one
// memory.copy, which the engine runs as a native memmove instead of a loop over elements.
#include "gather_rows.h"

int STRATA_EXPORT(gather_rows)(const unsigned char *x, int row_bytes, int rows, const int *indices, int count, unsigned char *out) {
  for (int i = 0; i < count; i++) {
    // One unsigned compare rejects negative indices too.
    if ((unsigned)indices[i] >= (unsigned)rows) return i;
  }
  const unsigned long size = (unsigned long)row_bytes;
  for (int i = 0; i < count; i++, out += size) __builtin_memcpy(out, x + (unsigned long)indices[i] * size, size);
  return -1;
}
