// What the kernels share: whether the AVX2+FMA loops can be compiled here, and the
// attribute that compiles one function for them without requiring AVX2 of the whole binary.
#ifndef COPTIMIZERKERNELS_KERNEL_SUPPORT_H
#define COPTIMIZERKERNELS_KERNEL_SUPPORT_H

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__clang__) || defined(__GNUC__))
#define OPTIMIZER_KERNELS_X86 1
#include <immintrin.h>
#define AVX2_FMA __attribute__((target("avx2,fma")))
#else
#define OPTIMIZER_KERNELS_X86 0
#endif

#endif
