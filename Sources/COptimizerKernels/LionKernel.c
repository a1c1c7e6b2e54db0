// Lion's update, element by element as LionEngine's readable loop writes it:
//   θ ← θ·(1 − ηλ);  c ← β₁m + (1 − β₁)g;  θ ← θ − η·sign(c);  m ← β₂m + (1 − β₂)g
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSign.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void lion_element(const LionKernelConstants *c, double *x, const double *g, double *m, ptrdiff_t i) {
    double xi = x[i] * c->decay;
    double interpolation = fma(c->weight1, g[i], m[i] * c->beta1);
    x[i] = fma(-c->learningRate, kernel_sign(interpolation), xi);
    m[i] = fma(c->weight2, g[i], m[i] * c->beta2);
}

static void lion_portable(LionKernelConstants c, double *x, const double *g, double *m, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) lion_element(&c, x, g, m, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void lion_avx2(LionKernelConstants c, double *x, const double *g, double *m, ptrdiff_t n) {
    const __m256d decay = _mm256_set1_pd(c.decay), negativeLearningRate = _mm256_set1_pd(-c.learningRate);
    const __m256d beta1 = _mm256_set1_pd(c.beta1), weight1 = _mm256_set1_pd(c.weight1);
    const __m256d beta2 = _mm256_set1_pd(c.beta2), weight2 = _mm256_set1_pd(c.weight2);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d xi = _mm256_mul_pd(_mm256_loadu_pd(x + i), decay);
        __m256d gi = _mm256_loadu_pd(g + i), mi = _mm256_loadu_pd(m + i);
        __m256d interpolation = _mm256_fmadd_pd(weight1, gi, _mm256_mul_pd(mi, beta1));
        _mm256_storeu_pd(x + i, _mm256_fmadd_pd(negativeLearningRate, kernel_sign_avx2(interpolation), xi));
        _mm256_storeu_pd(m + i, _mm256_fmadd_pd(weight2, gi, _mm256_mul_pd(mi, beta2)));
    }
    for (; i < n; i++) lion_element(&c, x, g, m, i);
}
#endif

void lion_kernel_update(LionKernelConstants constants, double *x, const double *g, double *m, ptrdiff_t count,
                        bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        lion_avx2(constants, x, g, m, count);
        return;
    }
#endif
    lion_portable(constants, x, g, m, count);
}
