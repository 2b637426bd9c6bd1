// Counter-based random numbers (Philox4x32-10, Salmon et al., SC'11): element i draws from counter
// (i, attempt) under the 64-bit seed as key, so results do not depend on the launch geometry and a
// seed reproduces a tensor exactly.
#include "common.cuh"

namespace strata {

struct Philox {
  uint32_t c[4];
};

__device__ __forceinline__ Philox philox(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1) {
  const uint32_t kMul0 = 0xD2511F53u, kMul1 = 0xCD9E8D57u;
  const uint32_t kWeyl0 = 0x9E3779B9u, kWeyl1 = 0xBB67AE85u;
  for (int round = 0; round < 10; ++round) {
    uint32_t hi0 = __umulhi(kMul0, c0), lo0 = kMul0 * c0;
    uint32_t hi1 = __umulhi(kMul1, c2), lo1 = kMul1 * c2;
    uint32_t n0 = hi1 ^ c1 ^ k0, n2 = hi0 ^ c3 ^ k1;
    c0 = n0;
    c1 = lo1;
    c2 = n2;
    c3 = lo0;
    k0 += kWeyl0;
    k1 += kWeyl1;
  }
  return Philox{{c0, c1, c2, c3}};
}

// A uniform float in (0, 1]: never 0, so log() in Box–Muller stays finite.
__device__ __forceinline__ float toUnitInterval(uint32_t bits) { return ((bits >> 8) + 1u) * (1.0f / 16777216.0f); }

__global__ void randomKernel(RandomDistribution dist, float* y, int64_t n, uint32_t k0, uint32_t k1, float a, float b) {
  STRATA_GRID_STRIDE(i, n) {
    uint32_t lo = static_cast<uint32_t>(i), hi = static_cast<uint32_t>(i >> 32);
    float value = 0.0f;
    // Truncated normal redraws outside two standard deviations (as TF does); the bound on attempts
    // only guards the loop, since P(|z| > 2) is 4.6%.
    for (uint32_t attempt = 0; attempt < 64; ++attempt) {
      Philox r = philox(lo, hi, attempt, 0x5354u, k0, k1);
      if (dist == RandomDistribution::uniform) {
        // [a, b): 1 - (0, 1] is [0, 1).
        value = a + (b - a) * (1.0f - toUnitInterval(r.c[0]));
        break;
      }
      float u1 = toUnitInterval(r.c[0]), u2 = toUnitInterval(r.c[1]);
      float z = sqrtf(-2.0f * logf(u1)) * cospif(2.0f * u2);
      value = a + b * z;
      if (dist == RandomDistribution::normal || fabsf(z) <= 2.0f) break;
    }
    y[i] = value;
  }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_random(int distribution, float* y, int64_t n, uint64_t seed, float a, float b) {
  if (distribution < 0 || distribution >= static_cast<int>(RandomDistribution::Count)) return STRATA_BAD_OP;
  if (n == 0) return cudaSuccess;
  randomKernel<<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<RandomDistribution>(distribution), y, n,
                                                        static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
                                                        a, b);
  return launchStatus();
}
