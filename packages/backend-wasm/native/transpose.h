// Matrix transpose (see transpose.c).
#ifndef STRATA_TRANSPOSE_H
#define STRATA_TRANSPOSE_H
#include "export.h"

// dst (cols x rows) = the transpose of the row-major rows x cols float32 matrix src; they must not overlap.
void STRATA_EXPORT(transpose)(const float *src, float *dst, int rows, int cols);
#endif
