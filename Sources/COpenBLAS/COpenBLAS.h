#ifndef COURSEGEN_COPENBLAS_H
#define COURSEGEN_COPENBLAS_H

// Debian's libopenblas-dev header; only its types are used. The functions are
// looked up with dlsym, so these pointer types are checked against the real
// prototypes instead of being restated here.
#include <cblas.h>

typedef __typeof__(&cblas_dgemm) coursegen_cblas_dgemm_t;
typedef __typeof__(&cblas_sgemm) coursegen_cblas_sgemm_t;
typedef __typeof__(&openblas_set_num_threads) coursegen_openblas_set_num_threads_t;
typedef __typeof__(&openblas_get_corename) coursegen_openblas_get_corename_t;
typedef __typeof__(&openblas_get_config) coursegen_openblas_get_config_t;

/// 1 when the CPU runs the AVX2 + FMA kernels that coursegen pins OpenBLAS to.
static inline int coursegen_cpu_has_avx2_fma(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

#endif
