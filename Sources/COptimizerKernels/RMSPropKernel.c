// RMSProp's update, element by element as RMSPropEngine's readable loop writes it:
//   g ← g + λθ;  v ← αv + (1 − α)g²;  a ← lerp(a, g, 1 − α) (centred);  s ← √(v − a²) or √v, plus ε
//   b ← μb + g/s, θ ← θ − ηb (momentum);  else θ ← θ − ηg/s
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void rmsprop_element(const RMSPropKernelConstants *c, double *x, const double *g, double *v,
                                   double *average, double *buffer, ptrdiff_t i) {
    double gi = c->decays ? fma(c->weightDecay, x[i], g[i]) : g[i];
    double vi = fma(c->weight * gi, gi, v[i] * c->alpha);
    v[i] = vi;
    double root;
    if (c->centered) {
        double difference = gi - average[i];
        double ai = c->smallWeight ? fma(c->weight, difference, average[i])
                                   : fma(-difference, c->weightComplement, gi);
        average[i] = ai;
        root = sqrt(fma(-ai, ai, vi));
    } else {
        root = sqrt(vi);
    }
    double denominator = root + c->eps;
    if (c->hasMomentum) {
        double bi = buffer[i] * c->momentum + gi / denominator;
        buffer[i] = bi;
        x[i] = fma(-c->learningRate, bi, x[i]);
    } else {
        x[i] = x[i] + (-c->learningRate * gi) / denominator;
    }
}

static void rmsprop_portable(RMSPropKernelConstants c, double *x, const double *g, double *v, double *average,
                             double *buffer, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) rmsprop_element(&c, x, g, v, average, buffer, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void rmsprop_avx2(RMSPropKernelConstants c, double *x, const double *g, double *v, double *average,
                                  double *buffer, ptrdiff_t n) {
    const __m256d negativeLearningRate = _mm256_set1_pd(-c.learningRate), weightDecay = _mm256_set1_pd(c.weightDecay);
    const __m256d alpha = _mm256_set1_pd(c.alpha), weight = _mm256_set1_pd(c.weight);
    const __m256d weightComplement = _mm256_set1_pd(c.weightComplement), eps = _mm256_set1_pd(c.eps);
    const __m256d momentum = _mm256_set1_pd(c.momentum);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d xi = _mm256_loadu_pd(x + i);
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.decays) gi = _mm256_fmadd_pd(weightDecay, xi, gi);
        __m256d vi = _mm256_fmadd_pd(_mm256_mul_pd(weight, gi), gi, _mm256_mul_pd(_mm256_loadu_pd(v + i), alpha));
        _mm256_storeu_pd(v + i, vi);
        __m256d root;
        if (c.centered) {
            __m256d aOld = _mm256_loadu_pd(average + i);
            __m256d difference = _mm256_sub_pd(gi, aOld);
            // fnmadd(a, b, c) = −(a·b) + c rounded once, which is fma(−a, b, c).
            __m256d ai = c.smallWeight ? _mm256_fmadd_pd(weight, difference, aOld)
                                       : _mm256_fnmadd_pd(difference, weightComplement, gi);
            _mm256_storeu_pd(average + i, ai);
            root = _mm256_sqrt_pd(_mm256_fnmadd_pd(ai, ai, vi));
        } else {
            root = _mm256_sqrt_pd(vi);
        }
        __m256d denominator = _mm256_add_pd(root, eps);
        if (c.hasMomentum) {
            __m256d bi = _mm256_add_pd(_mm256_mul_pd(_mm256_loadu_pd(buffer + i), momentum), _mm256_div_pd(gi, denominator));
            _mm256_storeu_pd(buffer + i, bi);
            _mm256_storeu_pd(x + i, _mm256_fmadd_pd(negativeLearningRate, bi, xi));
        } else {
            _mm256_storeu_pd(x + i, _mm256_add_pd(xi, _mm256_div_pd(_mm256_mul_pd(negativeLearningRate, gi), denominator)));
        }
    }
    for (; i < n; i++) rmsprop_element(&c, x, g, v, average, buffer, i);
}
#endif

void rmsprop_kernel_update(RMSPropKernelConstants constants, double *x, const double *g, double *v, double *average,
                           double *buffer, ptrdiff_t count, bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        rmsprop_avx2(constants, x, g, v, average, buffer, count);
        return;
    }
#endif
    rmsprop_portable(constants, x, g, v, average, buffer, count);
}
