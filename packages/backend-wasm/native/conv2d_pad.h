// Shifted copies of NHWC images with zero fill (padding, and cropping back), shared by the convolution
// gradients.
#ifndef STRATA_CONV2D_PAD_H
#define STRATA_CONV2D_PAD_H

// Writes `count` images of h x w x c floats from `src` into `dst` as hp x wp x c images in which pixel
// (y, x) of the source lands at (y + top, x + left); everything else is zero. `top` and `left` may be
// negative or large: source pixels that land outside hp x wp are dropped.
void conv2d_pad_images(const float *src, int count, int h, int w, int c, int top, int left, int hp, int wp, float *dst);

// Whether windows spanning ext_h x ext_w pixels from (-pad_top, -pad_left) reach outside an in_h x in_w
// image, so that reading (or writing) them in place needs a padded copy.
static inline int conv2d_needs_padding(int in_h, int in_w, int ext_h, int ext_w, int pad_top, int pad_left) {
  return pad_top != 0 || pad_left != 0 || ext_h > in_h || ext_w > in_w;
}
#endif
