// Row gather along the leading axis (see gather_rows.c).
#ifndef STRATA_GATHER_ROWS_H
#define STRATA_GATHER_ROWS_H
#include "export.h"

// Copies rows indices[0..count) of x (rows rows of row_bytes bytes each) one after another into out. Every
// index is checked before anything is written: returns -1 when all lie in [0, rows), else the position in
// `indices` of the first one that does not (and out is left untouched).
int STRATA_EXPORT(gather_rows)(const unsigned char *x, int row_bytes, int rows, const int *indices, int count, unsigned char *out);
#endif
