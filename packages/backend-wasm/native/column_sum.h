// Sums of the columns of a row-major float32 matrix (see column_sum.c).
#ifndef STRATA_COLUMN_SUM_H
#define STRATA_COLUMN_SUM_H
#include "export.h"

// out[c] = sum over r < rows of x[r * cols + c], for c < cols (out fully written).
void STRATA_EXPORT(column_sum)(const float *x, int rows, int cols, float *out);
#endif
