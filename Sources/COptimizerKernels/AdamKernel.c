// Adam's update, element by element as AdamEngine's readable loop writes it:
//   θ ← θ·decay;  g ← g + λθ (coupled);  m ← lerp(m, g, 1 − β₁);  v ← β₂v + (1 − β₂)g²
//   v̂ ← max(v̂, v) (AMSGrad);  θ ← θ − (η/(1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
#include <math.h>

#include "COptimizerKernels.h"
#include "KernelSupport.h"

// Only the fused multiply-adds written as fma() may be fused; the compiler must not contract
// any other product and sum, or the bits would depend on the instruction set.
#pragma STDC FP_CONTRACT OFF

static inline void adam_element(const AdamKernelConstants *c, double *x, const double *g, double *m, double *v,
                                double *vMax, ptrdiff_t i) {
    double xi = x[i] * c->decay;
    double gi = c->coupled ? fma(c->weightDecay, xi, g[i]) : g[i];
    double difference = gi - m[i];
    double mi = c->smallWeight ? fma(c->weight1, difference, m[i]) : fma(-difference, c->weight1Complement, gi);
    double vi = fma(c->weight2 * gi, gi, v[i] * c->beta2);
    m[i] = mi;
    v[i] = vi;
    double second = vi;
    if (c->amsgrad) {
        // Swift's max(a, b) is `b >= a ? b : a`.
        second = vi >= vMax[i] ? vi : vMax[i];
        vMax[i] = second;
    }
    double denominator = sqrt(second) / c->biasCorrection2Root + c->eps;
    x[i] = xi + (-c->stepSize * mi) / denominator;
}

static void adam_portable(AdamKernelConstants c, double *x, const double *g, double *m, double *v, double *vMax,
                          ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) adam_element(&c, x, g, m, v, vMax, i);
}

#if OPTIMIZER_KERNELS_X86
AVX2_FMA static void adam_avx2(AdamKernelConstants c, double *x, const double *g, double *m, double *v,
                               double *vMax, ptrdiff_t n) {
    const __m256d decay = _mm256_set1_pd(c.decay), weightDecay = _mm256_set1_pd(c.weightDecay);
    const __m256d beta2 = _mm256_set1_pd(c.beta2), weight1 = _mm256_set1_pd(c.weight1);
    const __m256d weight1Complement = _mm256_set1_pd(c.weight1Complement), weight2 = _mm256_set1_pd(c.weight2);
    const __m256d negativeStepSize = _mm256_set1_pd(-c.stepSize);
    const __m256d biasCorrection2Root = _mm256_set1_pd(c.biasCorrection2Root), eps = _mm256_set1_pd(c.eps);
    ptrdiff_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m256d xi = _mm256_mul_pd(_mm256_loadu_pd(x + i), decay);
        __m256d gi = _mm256_loadu_pd(g + i);
        if (c.coupled) gi = _mm256_fmadd_pd(weightDecay, xi, gi);
        __m256d mOld = _mm256_loadu_pd(m + i);
        __m256d difference = _mm256_sub_pd(gi, mOld);
        // fnmadd(a, b, c) = −(a·b) + c rounded once, which is fma(−a, b, c).
        __m256d mi = c.smallWeight ? _mm256_fmadd_pd(weight1, difference, mOld)
                                   : _mm256_fnmadd_pd(difference, weight1Complement, gi);
        __m256d vi = _mm256_fmadd_pd(_mm256_mul_pd(weight2, gi), gi, _mm256_mul_pd(_mm256_loadu_pd(v + i), beta2));
        _mm256_storeu_pd(m + i, mi);
        _mm256_storeu_pd(v + i, vi);
        __m256d second = vi;
        if (c.amsgrad) {
            __m256d old = _mm256_loadu_pd(vMax + i);
            second = _mm256_blendv_pd(old, vi, _mm256_cmp_pd(vi, old, _CMP_GE_OQ));
            _mm256_storeu_pd(vMax + i, second);
        }
        __m256d denominator = _mm256_add_pd(_mm256_div_pd(_mm256_sqrt_pd(second), biasCorrection2Root), eps);
        _mm256_storeu_pd(x + i, _mm256_add_pd(xi, _mm256_div_pd(_mm256_mul_pd(negativeStepSize, mi), denominator)));
    }
    for (; i < n; i++) adam_element(&c, x, g, m, v, vMax, i);
}
#endif

void adam_kernel_update(AdamKernelConstants constants, double *x, const double *g, double *m, double *v,
                        double *vMax, ptrdiff_t count, bool portable) {
#if OPTIMIZER_KERNELS_X86
    if (!portable && optimizer_kernels_use_avx2_fma()) {
        adam_avx2(constants, x, g, m, v, vMax, count);
        return;
    }
#endif
    adam_portable(constants, x, g, m, v, vMax, count);
}
