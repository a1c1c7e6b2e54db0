// The schedule-free update, element by element as ScheduleFreeEngine's readable loops write it,
// fused into one pass (each element's arithmetic depends only on that element, in the same order):
//   SGD base step:  g ← g + λy (when λ ≠ 0);  z ← z − η_t g
//   Adam base step: z ← z − η_t λ·(decayAtZ ? z : y) (when λ ≠ 0);  v ← β₂v + (1 − β₂)g²
//                   z ← z + (−η_t·g) / (√(v / (1 − β₂ᵗ)) + ε)
//   then:           x ← x(1 − c_t) + c_t z;  y ← βx + (1 − β)z
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused (see AdamKernel.c).
#pragma STDC FP_CONTRACT OFF

static inline void schedule_free_element(const ScheduleFreeKernelConstants *c, double *y, const double *g, double *z,
                                         double *x, double *v, ptrdiff_t i) {
    double zi = z[i];
    if (c->adam) {
        if (c->decays) zi = fma(-c->decay, c->decayAtZ ? zi : y[i], zi);
        double gi = g[i];
        double vi = fma(c->weight2 * gi, gi, v[i] * c->beta2);
        v[i] = vi;
        double denominator = sqrt(vi / c->biasCorrection2) + c->eps;
        zi = zi + (-c->learningRate * gi) / denominator;
    } else {
        double gi = c->decays ? fma(c->weightDecay, y[i], g[i]) : g[i];
        zi = fma(-c->learningRate, gi, zi);
    }
    z[i] = zi;
    double xi = fma(c->averageWeight, zi, x[i] * c->averageComplement);
    x[i] = xi;
    y[i] = fma(c->interpolationComplement, zi, xi * c->interpolation);
}

static void schedule_free_portable(ScheduleFreeKernelConstants c, double *y, const double *g, double *z, double *x,
                                   double *v, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) schedule_free_element(&c, y, g, z, x, v, i);
}

#if OPTIMIZER_KERNELS_X86
// The update's last lines on four elements: stores z, then x ← x(1 − c) + cz and y ← βx + (1 − β)z.
AVX2_FMA static inline void schedule_free_average_avx2(const ScheduleFreeKernelConstants *c, double *y, double *z,
                                                       double *x, ptrdiff_t i, __m256d zi) {
    __m256d xi = _mm256_fmadd_pd(_mm256_set1_pd(c->averageWeight), zi,
                                 _mm256_mul_pd(_mm256_loadu_pd(x + i), _mm256_set1_pd(c->averageComplement)));
    _mm256_storeu_pd(z + i, zi);
    _mm256_storeu_pd(x + i, xi);
    _mm256_storeu_pd(y + i, _mm256_fmadd_pd(_mm256_set1_pd(c->interpolationComplement), zi,
                                            _mm256_mul_pd(xi, _mm256_set1_pd(c->interpolation))));
}

AVX2_FMA static void schedule_free_avx2(ScheduleFreeKernelConstants c, double *y, const double *g, double *z,
                                        double *x, double *v, ptrdiff_t n) {
    const __m256d negativeLearningRate = _mm256_set1_pd(-c.learningRate);
    ptrdiff_t i = 0;
    if (c.adam) {
        const __m256d negativeDecay = _mm256_set1_pd(-c.decay), beta2 = _mm256_set1_pd(c.beta2);
        const __m256d weight2 = _mm256_set1_pd(c.weight2), biasCorrection2 = _mm256_set1_pd(c.biasCorrection2);
        const __m256d eps = _mm256_set1_pd(c.eps);
        for (; i + 4 <= n; i += 4) {
            __m256d zi = _mm256_loadu_pd(z + i);
            if (c.decays) zi = _mm256_fmadd_pd(negativeDecay, c.decayAtZ ? zi : _mm256_loadu_pd(y + i), zi);
            __m256d gi = _mm256_loadu_pd(g + i);
            __m256d vi = _mm256_fmadd_pd(_mm256_mul_pd(weight2, gi), gi, _mm256_mul_pd(_mm256_loadu_pd(v + i), beta2));
            _mm256_storeu_pd(v + i, vi);
            __m256d denominator = _mm256_add_pd(_mm256_sqrt_pd(_mm256_div_pd(vi, biasCorrection2)), eps);
            zi = _mm256_add_pd(zi, _mm256_div_pd(_mm256_mul_pd(negativeLearningRate, gi), denominator));
            schedule_free_average_avx2(&c, y, z, x, i, zi);
        }
    } else {
        const __m256d weightDecay = _mm256_set1_pd(c.weightDecay);
        for (; i + 4 <= n; i += 4) {
            __m256d gi = _mm256_loadu_pd(g + i);
            if (c.decays) gi = _mm256_fmadd_pd(weightDecay, _mm256_loadu_pd(y + i), gi);
            __m256d zi = _mm256_fmadd_pd(negativeLearningRate, gi, _mm256_loadu_pd(z + i));
            schedule_free_average_avx2(&c, y, z, x, i, zi);
        }
    }
    for (; i < n; i++) schedule_free_element(&c, y, g, z, x, v, i);
}
#endif

void schedule_free_kernel_update(ScheduleFreeKernelConstants constants, double *y, const double *g, double *z,
                                 double *x, double *v, ptrdiff_t count, bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        schedule_free_avx2(constants, y, g, z, x, v, count);
        return;
    }
#endif
    schedule_free_portable(constants, y, g, z, x, v, count);
}
