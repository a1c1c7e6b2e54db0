// torch's sign(x), as the Swift engines' `torchSign`: 1, −1, or x itself for ±0 and NaN.
#ifndef COPTIMIZERKERNELS_KERNEL_SIGN_H
#define COPTIMIZERKERNELS_KERNEL_SIGN_H

#include "KernelSupport.h"

static inline double kernel_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static inline __m256d kernel_sign_avx2(__m256d x) {
    const __m256d zero = _mm256_setzero_pd();
    __m256d result = _mm256_blendv_pd(x, _mm256_set1_pd(-1.0), _mm256_cmp_pd(x, zero, _CMP_LT_OQ));
    return _mm256_blendv_pd(result, _mm256_set1_pd(1.0), _mm256_cmp_pd(x, zero, _CMP_GT_OQ));
}
#endif

#endif
