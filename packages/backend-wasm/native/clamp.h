// Elementwise clamp of a float32 array that keeps NaN (see clamp.c).
#ifndef STRATA_CLAMP_H
#define STRATA_CLAMP_H
#include "export.h"

// y[i] = min(max(x[i], lo), hi) for i < n, NaN (of either sign) kept; x and y may be the same array.
void STRATA_EXPORT(clamp)(const float *x, float *y, int n, float lo, float hi);
#endif
