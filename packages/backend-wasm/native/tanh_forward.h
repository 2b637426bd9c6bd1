// Elementwise tanh of a float32 array (see tanh_forward.c).
#ifndef STRATA_TANH_FORWARD_H
#define STRATA_TANH_FORWARD_H
#include "export.h"

// y[i] = tanh(x[i]) for i < n, to within 1e-6 (NaN stays NaN); x and y may be the same array.
void STRATA_EXPORT(tanh_forward)(const float *x, float *y, int n);
#endif
