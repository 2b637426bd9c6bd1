// The whole sequence of a tanh SimpleRNN, forward and backward (see simple_rnn.c).
#ifndef STRATA_SIMPLE_RNN_H
#define STRATA_SIMPLE_RNN_H
#include "export.h"

// All states h_t = tanh(inputs_t + h_{t-1} · kernel), t = 0 … steps-1, of `batch` sequences with `units`
// units, into `states` (steps x batch x units): `inputs` holds every step's input projection (bias
// included) in the same layout, `kernel` is the units x units recurrent kernel and `h0` (batch x units) the
// initial state. `scratch` holds simple_rnn_forward_scratch_floats(units) floats, 16-byte aligned.
void STRATA_EXPORT(simple_rnn_forward)(int steps, int batch, int units, const float *inputs, const float *kernel, const float *h0,
                                       float *states, float *scratch);

// Floats of scratch memory `simple_rnn_forward` needs.
int STRATA_EXPORT(simple_rnn_forward_scratch_floats)(int units);

// Gradients of simple_rnn_forward from the gradient `dstates` of all its states (steps x batch x units) and
// its `states`, `kernel` and `h0`: `dinputs` (steps x batch x units), `dkernel` (units x units) and `dh0`
// (batch x units), all fully written. `scratch` holds simple_rnn_backward_scratch_floats(units) floats,
// 16-byte aligned.
void STRATA_EXPORT(simple_rnn_backward)(int steps, int batch, int units, const float *dstates, const float *states,
                                        const float *kernel, const float *h0, float *dinputs, float *dkernel, float *dh0,
                                        float *scratch);

// Floats of scratch memory `simple_rnn_backward` needs.
int STRATA_EXPORT(simple_rnn_backward_scratch_floats)(int units);

// The units x units transpose of `kernel` into `kernel_t`.
void STRATA_EXPORT(simple_rnn_transpose)(int units, const float *kernel, float *kernel_t);

// One step of simple_rnn_backward on `batch` rows: dinputs = (dstates + (carry ? dh : 0)) · (1 - states²), then
// dh = dinputs · kernelᵀ, with `kernel_t` the transposed recurrent kernel. The rows are independent, so
// blocks of rows may run in parallel. `scratch` holds gemm_scratch_floats(units) floats, 16-byte aligned.
void STRATA_EXPORT(simple_rnn_backward_step)(int batch, int units, const float *dstates, const float *states, const float *kernel_t,
                                             int carry, float *dinputs, float *dh, float *scratch);
#endif
