// One Adam step over a float32 array (see adam_update.c).
#ifndef STRATA_ADAM_UPDATE_H
#define STRATA_ADAM_UPDATE_H
#include "export.h"

// For i < n: m1 = m + (g - m)·c1, v1 = v + (g² - v)·c2, w1 = w - alpha·m1 / (√v1 + epsilon), with
// c1 = 1 - β1, c2 = 1 - β2 and both bias corrections folded into alpha. The outputs are new arrays.
void STRATA_EXPORT(adam_update)(const float *w, const float *g, const float *m, const float *v, float *w1, float *m1,
                                float *v1, int n, float alpha, float c1, float c2, float epsilon);
#endif
