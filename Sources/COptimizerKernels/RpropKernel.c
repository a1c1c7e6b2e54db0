// Rprop's update, element by element as RpropEngine's readable loop writes it:
//   s ← sign(±g·g̃);  Δ ← clamp(Δ·(η₊ | η₋ | 1), Δmin, Δmax);  g̃ ← (s < 0 ? 0 : ±g);  θ ← θ − sign(g̃)·Δ
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSign.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void rprop_element(const RpropKernelConstants *c, double *x, const double *g, double *previous,
                                 double *stepLength, ptrdiff_t i) {
    double gi = c->maximize ? -g[i] : g[i];
    double s = kernel_sign(gi * previous[i]);
    double factor = s > 0 ? c->etaPlus : s < 0 ? c->etaMinus : s == 0 ? 1.0 : s;
    double scaled = stepLength[i] * factor;
    // Swift's max(a, b) is `b >= a ? b : a` and min(a, b) is `b < a ? b : a`; NaN stays NaN.
    double clamped = c->smallest >= scaled ? c->smallest : scaled;
    clamped = c->largest < clamped ? c->largest : clamped;
    double delta = isnan(scaled) ? scaled : clamped;
    stepLength[i] = delta;
    double kept = s < 0 ? 0.0 : gi;
    x[i] = fma(-kernel_sign(kept), delta, x[i]);
    previous[i] = kept;
}

static void rprop_portable(RpropKernelConstants c, double *x, const double *g, double *previous, double *stepLength,
                           ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) rprop_element(&c, x, g, previous, stepLength, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void rprop_avx2(RpropKernelConstants c, double *x, const double *g, double *previous,
                                double *stepLength, ptrdiff_t n) {
    const __m256d zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0), signBit = _mm256_set1_pd(-0.0);
    const __m256d etaPlus = _mm256_set1_pd(c.etaPlus), etaMinus = _mm256_set1_pd(c.etaMinus);
    const __m256d smallest = _mm256_set1_pd(c.smallest), largest = _mm256_set1_pd(c.largest);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.maximize) gi = _mm256_xor_pd(gi, signBit);
        __m256d s = kernel_sign_avx2(_mm256_mul_pd(gi, _mm256_loadu_pd(previous + i)));
        __m256d positive = _mm256_cmp_pd(s, zero, _CMP_GT_OQ), negative = _mm256_cmp_pd(s, zero, _CMP_LT_OQ);
        __m256d factor = _mm256_blendv_pd(s, one, _mm256_cmp_pd(s, zero, _CMP_EQ_OQ));
        factor = _mm256_blendv_pd(factor, etaMinus, negative);
        factor = _mm256_blendv_pd(factor, etaPlus, positive);
        __m256d scaled = _mm256_mul_pd(_mm256_loadu_pd(stepLength + i), factor);
        // max_pd/min_pd return their second operand when either is NaN; NaN is put back after.
        __m256d clamped = _mm256_min_pd(_mm256_max_pd(scaled, smallest), largest);
        __m256d delta = _mm256_blendv_pd(clamped, scaled, _mm256_cmp_pd(scaled, scaled, _CMP_UNORD_Q));
        _mm256_storeu_pd(stepLength + i, delta);
        __m256d kept = _mm256_blendv_pd(gi, zero, negative);
        __m256d direction = _mm256_xor_pd(kernel_sign_avx2(kept), signBit);
        _mm256_storeu_pd(x + i, _mm256_fmadd_pd(direction, delta, _mm256_loadu_pd(x + i)));
        _mm256_storeu_pd(previous + i, kept);
    }
    for (; i < n; i++) rprop_element(&c, x, g, previous, stepLength, i);
}
#endif

void rprop_kernel_update(RpropKernelConstants constants, double *x, const double *g, double *previous,
                         double *stepLength, ptrdiff_t count, bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        rprop_avx2(constants, x, g, previous, stepLength, count);
        return;
    }
#endif
    rprop_portable(constants, x, g, previous, stepLength, count);
}
