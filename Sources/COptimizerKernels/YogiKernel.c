// Yogi's update, element by element as YogiEngine's readable loop writes it:
//   g ← ±g;  θ ← θ·decay;  g ← g + λθ (coupled);  m ← lerp(m, g, 1 − β₁)
//   v ← v − (1 − β₂)·sign(v − g²)·g²;  θ ← θ − (η/(1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSign.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void yogi_element(const YogiKernelConstants *c, double *x, const double *g, double *m, double *v,
                                ptrdiff_t i) {
    double gi = c->maximize ? -g[i] : g[i];
    double xi = x[i] * c->decay;
    if (c->coupled) gi = fma(c->weightDecay, xi, gi);
    double difference = gi - m[i];
    double mi = c->smallWeight ? fma(c->weight1, difference, m[i]) : fma(-difference, c->weight1Complement, gi);
    m[i] = mi;
    double square = gi * gi;
    double vi = fma(c->negativeWeight2 * kernel_sign(v[i] - square), square, v[i]);
    v[i] = vi;
    double denominator = sqrt(vi) / c->biasCorrection2Root + c->eps;
    x[i] = xi + (-c->stepSize * mi) / denominator;
}

static void yogi_portable(YogiKernelConstants c, double *x, const double *g, double *m, double *v, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) yogi_element(&c, x, g, m, v, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void yogi_avx2(YogiKernelConstants c, double *x, const double *g, double *m, double *v, ptrdiff_t n) {
    const __m256d decay = _mm256_set1_pd(c.decay), weightDecay = _mm256_set1_pd(c.weightDecay);
    const __m256d weight1 = _mm256_set1_pd(c.weight1), weight1Complement = _mm256_set1_pd(c.weight1Complement);
    const __m256d negativeWeight2 = _mm256_set1_pd(c.negativeWeight2), negativeStepSize = _mm256_set1_pd(-c.stepSize);
    const __m256d biasCorrection2Root = _mm256_set1_pd(c.biasCorrection2Root), eps = _mm256_set1_pd(c.eps);
    const __m256d signBit = _mm256_set1_pd(-0.0);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.maximize) gi = _mm256_xor_pd(gi, signBit);
        __m256d xi = _mm256_mul_pd(_mm256_loadu_pd(x + i), decay);
        if (c.coupled) gi = _mm256_fmadd_pd(weightDecay, xi, gi);
        __m256d mOld = _mm256_loadu_pd(m + i);
        __m256d difference = _mm256_sub_pd(gi, mOld);
        __m256d mi = c.smallWeight ? _mm256_fmadd_pd(weight1, difference, mOld)
                                   : _mm256_fnmadd_pd(difference, weight1Complement, gi);
        _mm256_storeu_pd(m + i, mi);
        __m256d square = _mm256_mul_pd(gi, gi);
        __m256d vOld = _mm256_loadu_pd(v + i);
        __m256d direction = kernel_sign_avx2(_mm256_sub_pd(vOld, square));
        __m256d vi = _mm256_fmadd_pd(_mm256_mul_pd(negativeWeight2, direction), square, vOld);
        _mm256_storeu_pd(v + i, vi);
        __m256d denominator = _mm256_add_pd(_mm256_div_pd(_mm256_sqrt_pd(vi), biasCorrection2Root), eps);
        _mm256_storeu_pd(x + i, _mm256_add_pd(xi, _mm256_div_pd(_mm256_mul_pd(negativeStepSize, mi), denominator)));
    }
    for (; i < n; i++) yogi_element(&c, x, g, m, v, i);
}
#endif

void yogi_kernel_update(YogiKernelConstants constants, double *x, const double *g, double *m, double *v,
                        ptrdiff_t count, bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        yogi_avx2(constants, x, g, m, v, count);
        return;
    }
#endif
    yogi_portable(constants, x, g, m, v, count);
}
