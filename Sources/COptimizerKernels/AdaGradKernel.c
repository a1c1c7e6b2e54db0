// AdaGrad's update, element by element as AdaGradEngine's readable loop writes it:
//   g ← g + λθ;  s ← s + g²;  θ ← θ − η̃g / (√s + ε), with η̃ = η / (1 + (t − 1)·lrDecay)
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void adagrad_element(const AdaGradKernelConstants *c, double *x, const double *g, double *sum,
                                   ptrdiff_t i) {
    double gi = c->decays ? fma(c->weightDecay, x[i], g[i]) : g[i];
    double si = fma(gi, gi, sum[i]);
    sum[i] = si;
    x[i] = x[i] + (-c->learningRate * gi) / (sqrt(si) + c->eps);
}

static void adagrad_portable(AdaGradKernelConstants c, double *x, const double *g, double *sum, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) adagrad_element(&c, x, g, sum, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void adagrad_avx2(AdaGradKernelConstants c, double *x, const double *g, double *sum, ptrdiff_t n) {
    const __m256d negativeLearningRate = _mm256_set1_pd(-c.learningRate), weightDecay = _mm256_set1_pd(c.weightDecay);
    const __m256d eps = _mm256_set1_pd(c.eps);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d xi = _mm256_loadu_pd(x + i);
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.decays) gi = _mm256_fmadd_pd(weightDecay, xi, gi);
        __m256d si = _mm256_fmadd_pd(gi, gi, _mm256_loadu_pd(sum + i));
        _mm256_storeu_pd(sum + i, si);
        __m256d denominator = _mm256_add_pd(_mm256_sqrt_pd(si), eps);
        _mm256_storeu_pd(x + i, _mm256_add_pd(xi, _mm256_div_pd(_mm256_mul_pd(negativeLearningRate, gi), denominator)));
    }
    for (; i < n; i++) adagrad_element(&c, x, g, sum, i);
}
#endif

void adagrad_kernel_update(AdaGradKernelConstants constants, double *x, const double *g, double *sum, ptrdiff_t count,
                           bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        adagrad_avx2(constants, x, g, sum, count);
        return;
    }
#endif
    adagrad_portable(constants, x, g, sum, count);
}
