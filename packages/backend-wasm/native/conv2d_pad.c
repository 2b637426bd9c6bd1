// Shifted copies of NHWC images with zero fill (see conv2d_pad.h). The gradients address windows of a
// padded copy by arithmetic alone, without a bounds check per window cell.
#include "conv2d_pad.h"

void conv2d_pad_images(const float *src, int count, int h, int w, int c, int top, int left, int hp, int wp, float *dst) {
  // The destination columns [x0, x1) that hold source pixels, the same for every row.
  int x0 = left < 0 ? 0 : left;
  int x1 = left + w < wp ? left + w : wp;
  if (x1 < x0) x1 = x0;
  int row = wp * c;
  for (int b = 0; b < count; b++) {
    const float *image = src + b * h * w * c;
    for (int y = 0; y < hp; y++, dst += row) {
      int sy = y - top;
      if (sy < 0 || sy >= h || x1 == x0) {
        __builtin_memset(dst, 0, (unsigned long)row * sizeof(float));
        continue;
      }
      __builtin_memset(dst, 0, (unsigned long)x0 * c * sizeof(float));
      __builtin_memcpy(dst + x0 * c, image + (sy * w + (x0 - left)) * c, (unsigned long)(x1 - x0) * c * sizeof(float));
      __builtin_memset(dst + x1 * c, 0, (unsigned long)(wp - x1) * c * sizeof(float));
    }
  }
}
