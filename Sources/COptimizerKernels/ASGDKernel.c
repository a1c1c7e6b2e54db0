// ASGD's update, element by element as ASGDEngine's readable loop writes it:
//   g ← ±g + λθ;  θ ← θ·(1 − κη) − ηg;  θ̄ ← θ (μ = 1) or θ̄ + (θ − θ̄)·μ
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void asgd_element(const ASGDKernelConstants *c, double *x, const double *g, double *average, ptrdiff_t i) {
    double gi = c->maximize ? -g[i] : g[i];
    if (c->decays) gi = fma(c->weightDecay, x[i], gi);
    double xi = fma(-c->eta, gi, x[i] * c->decay);
    x[i] = xi;
    average[i] = c->copies ? xi : average[i] + (xi - average[i]) * c->mu;
}

static void asgd_portable(ASGDKernelConstants c, double *x, const double *g, double *average, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) asgd_element(&c, x, g, average, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void asgd_avx2(ASGDKernelConstants c, double *x, const double *g, double *average, ptrdiff_t n) {
    const __m256d negativeEta = _mm256_set1_pd(-c.eta), decay = _mm256_set1_pd(c.decay);
    const __m256d weightDecay = _mm256_set1_pd(c.weightDecay), mu = _mm256_set1_pd(c.mu);
    const __m256d signBit = _mm256_set1_pd(-0.0);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d xOld = _mm256_loadu_pd(x + i);
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.maximize) gi = _mm256_xor_pd(gi, signBit);
        if (c.decays) gi = _mm256_fmadd_pd(weightDecay, xOld, gi);
        __m256d xi = _mm256_fmadd_pd(negativeEta, gi, _mm256_mul_pd(xOld, decay));
        _mm256_storeu_pd(x + i, xi);
        if (c.copies) {
            _mm256_storeu_pd(average + i, xi);
        } else {
            __m256d ai = _mm256_loadu_pd(average + i);
            _mm256_storeu_pd(average + i, _mm256_add_pd(ai, _mm256_mul_pd(_mm256_sub_pd(xi, ai), mu)));
        }
    }
    for (; i < n; i++) asgd_element(&c, x, g, average, i);
}
#endif

void asgd_kernel_update(ASGDKernelConstants constants, double *x, const double *g, double *average, ptrdiff_t count,
                        bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        asgd_avx2(constants, x, g, average, count);
        return;
    }
#endif
    asgd_portable(constants, x, g, average, count);
}
