// Gradient of a 2-D max pool (see max_pool_grad.c).
#ifndef STRATA_MAX_POOL_GRAD_H
#define STRATA_MAX_POOL_GRAD_H
#include "export.h"

// dx (NHWC, batch x in_h x in_w x channels; fully written) of a max pool of x whose output gradient dy is
// batch x out_h x out_w x channels, for the given filter, strides and top/left padding. `best` and `where`
// are scratch of out_w * channels floats and ints each.
void STRATA_EXPORT(max_pool_grad)(const float *x, const float *dy, float *dx, int batch, int in_h, int in_w, int channels,
                                  int out_h, int out_w, int filter_h, int filter_w, int stride_h, int stride_w, int pad_top,
                                  int pad_left, float *best, int *where);
#endif
