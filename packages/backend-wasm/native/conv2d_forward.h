// Forward pass of a 2-D convolution over NHWC data, without an im2col matrix (see conv2d_forward.c).
#ifndef STRATA_CONV2D_FORWARD_H
#define STRATA_CONV2D_FORWARD_H
#include "export.h"

// y[b, oy, ox, co] = sum over (fh, fw, ci) of x[b, oy*sh + fh*dh - pad_top, ox*sw + fw*dw - pad_left, ci] ·
// w[fh, fw, ci, co], reading 0 outside x. x is [batch, in_h, in_w, in_c], w [filter_h, filter_w, in_c, out_c],
// y [batch, out_h, out_w, out_c] (fully written); `scratch` holds conv2d_forward_scratch_floats(...) floats
// (same arguments), 16-byte aligned.
void STRATA_EXPORT(conv2d_forward)(const float *x, const float *w, float *y, int batch, int in_h, int in_w, int in_c,
                                   int out_h, int out_w, int out_c, int filter_h, int filter_w, int stride_h,
                                   int stride_w, int dilation_h, int dilation_w, int pad_top, int pad_left,
                                   float *scratch);

// Floats of scratch memory `conv2d_forward` needs for these arguments.
int STRATA_EXPORT(conv2d_forward_scratch_floats)(int batch, int in_h, int in_w, int in_c, int out_h, int out_w,
                                                 int out_c, int filter_h, int filter_w, int stride_h, int stride_w,
                                                 int dilation_h, int dilation_w, int pad_top, int pad_left);
#endif
