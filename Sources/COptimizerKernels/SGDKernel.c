// SGD's update in one pass, element by element as SGDEngine's readable loops compute it:
//   g ← g + λθ;  b ← g on the first step, else μb + (1 − τ)g;  d ← g + μb (Nesterov) or b
//   θ ← θ − ηd
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void sgd_element(const SGDKernelConstants *c, double *x, const double *g, double *buffer, ptrdiff_t i) {
    double gi = g[i];
    if (c->decays) gi = fma(c->weightDecay, x[i], gi);
    if (c->hasMomentum) {
        double bi = c->firstStep ? gi : fma(c->oneMinusDampening, gi, buffer[i] * c->momentum);
        buffer[i] = bi;
        gi = c->nesterov ? fma(c->momentum, bi, gi) : bi;
    }
    x[i] = fma(-c->learningRate, gi, x[i]);
}

static void sgd_portable(SGDKernelConstants c, double *x, const double *g, double *buffer, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) sgd_element(&c, x, g, buffer, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void sgd_avx2(SGDKernelConstants c, double *x, const double *g, double *buffer, ptrdiff_t n) {
    const __m256d negativeLearningRate = _mm256_set1_pd(-c.learningRate), weightDecay = _mm256_set1_pd(c.weightDecay);
    const __m256d momentum = _mm256_set1_pd(c.momentum), oneMinusDampening = _mm256_set1_pd(c.oneMinusDampening);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d xi = _mm256_loadu_pd(x + i);
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.decays) gi = _mm256_fmadd_pd(weightDecay, xi, gi);
        if (c.hasMomentum) {
            __m256d bi = c.firstStep
                ? gi
                : _mm256_fmadd_pd(oneMinusDampening, gi, _mm256_mul_pd(_mm256_loadu_pd(buffer + i), momentum));
            _mm256_storeu_pd(buffer + i, bi);
            gi = c.nesterov ? _mm256_fmadd_pd(momentum, bi, gi) : bi;
        }
        _mm256_storeu_pd(x + i, _mm256_fmadd_pd(negativeLearningRate, gi, xi));
    }
    for (; i < n; i++) sgd_element(&c, x, g, buffer, i);
}
#endif

void sgd_kernel_update(SGDKernelConstants constants, double *x, const double *g, double *buffer, ptrdiff_t count,
                       bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        sgd_avx2(constants, x, g, buffer, count);
        return;
    }
#endif
    sgd_portable(constants, x, g, buffer, count);
}
