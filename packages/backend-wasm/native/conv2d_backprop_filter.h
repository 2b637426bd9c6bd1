// Filter gradient of a 2-D convolution over NHWC data, without an im2col matrix (see conv2d_backprop_filter.c).
#ifndef STRATA_CONV2D_BACKPROP_FILTER_H
#define STRATA_CONV2D_BACKPROP_FILTER_H
#include "export.h"

// dw[(fh, fw, ci), co] = sum over (b, oy, ox) of x[b, oy*sh + fh*dh - pad_top, ox*sw + fw*dw - pad_left, ci] ·
// dy[b, oy, ox, co], reading 0 outside x: the gradient of conv2d with respect to its [fh, fw, ci, co]
// filter. x is [batch, in_h, in_w, in_c], dy [batch, out_h, out_w, out_c]; `scratch` holds
// conv2d_backprop_filter_scratch_floats(...) floats (same arguments), 16-byte aligned.
void STRATA_EXPORT(conv2d_backprop_filter)(const float *x, const float *dy, float *dw, int batch, int in_h, int in_w,
                                           int in_c, int out_h, int out_w, int out_c, int filter_h, int filter_w,
                                           int stride_h, int stride_w, int dilation_h, int dilation_w, int pad_top,
                                           int pad_left, float *scratch);

// Floats of scratch memory `conv2d_backprop_filter` needs for these arguments.
int STRATA_EXPORT(conv2d_backprop_filter_scratch_floats)(int batch, int in_h, int in_w, int in_c, int out_h, int out_w,
                                                         int out_c, int filter_h, int filter_w, int stride_h,
                                                         int stride_w, int dilation_h, int dilation_w, int pad_top,
                                                         int pad_left);
#endif
