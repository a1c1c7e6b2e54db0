#include "COptimizerKernels.h"
#include "KernelSupport.h"

bool optimizer_kernels_use_avx2_fma(void) {
#if OPTIMIZER_KERNELS_X86
    // The runtime reads cpuid once, before main; this call only matters if a constructor gets here
    // first, and returns at once otherwise. The AVX2 check includes the OS's saving of YMM state.
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return false;
#endif
}
