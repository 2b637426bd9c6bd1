// Input gradient of a 2-D convolution over NHWC data, without a column matrix (see conv2d_backprop_input.c).
#ifndef STRATA_CONV2D_BACKPROP_INPUT_H
#define STRATA_CONV2D_BACKPROP_INPUT_H
#include "export.h"

// dx[b, oy*sh + fh*dh - pad_top, ox*sw + fw*dw - pad_left, ci] += dy[b, oy, ox, co] · w[fh, fw, ci, co] for
// all (oy, ox, fh, fw, co), dropping cells that fall outside dx, from dx = 0: the gradient of conv2d with
// respect to its [batch, in_h, in_w, in_c] input. dy is [batch, out_h, out_w, out_c], w [filter_h,
// filter_w, in_c, out_c]; `scratch` holds conv2d_backprop_input_scratch_floats(...) floats (same
// arguments), 16-byte aligned.
void STRATA_EXPORT(conv2d_backprop_input)(const float *dy, const float *w, float *dx, int batch, int in_h, int in_w,
                                          int in_c, int out_h, int out_w, int out_c, int filter_h, int filter_w,
                                          int stride_h, int stride_w, int dilation_h, int dilation_w, int pad_top,
                                          int pad_left, float *scratch);

// Floats of scratch memory `conv2d_backprop_input` needs for these arguments.
int STRATA_EXPORT(conv2d_backprop_input_scratch_floats)(int batch, int in_h, int in_w, int in_c, int out_h, int out_w,
                                                        int out_c, int filter_h, int filter_w, int stride_h,
                                                        int stride_w, int dilation_h, int dilation_w, int pad_top,
                                                        int pad_left);
#endif
