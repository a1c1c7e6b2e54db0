// The element-wise loops of Adam (and AdamW, AMSGrad), SGD with momentum, RMSProp, AdaGrad,
// ASGD, Rprop, Lion, Yogi and the schedule-free methods over long parameter vectors, for the Optimizers module's engines.
//
// Each loop rounds exactly as the engine's readable Swift loop does: the same operations
// in the same order, fused multiply-adds where the Swift code writes `addingProduct`, and
// nothing else fused. fma, sqrt and division are correctly rounded in IEEE 754, so the
// vector code and the portable code give the same bits, on any processor.
//
// On x86-64 with AVX2 and FMA (asked of the processor at run time, so the binary needs
// neither), the loops run four doubles at a time with hardware FMA; elsewhere, or when
// `portable` is true, they run plain C calling fma() from the C library.
#ifndef COPTIMIZERKERNELS_H
#define COPTIMIZERKERNELS_H

#include <stdbool.h>
#include <stddef.h>

/// Whether the loops run on AVX2 with FMA on this processor (unless asked for the portable code).
bool optimizer_kernels_use_avx2_fma(void);

/// The constants of one Adam step, computed once per step by `AdamEngine`.
typedef struct AdamKernelConstants {
    /// 1 − ηλ for decoupled decay (AdamW), else 1; the parameters are multiplied by it first.
    double decay;
    /// λ of coupled L2 decay, added to the gradient as λθ when `coupled`.
    double weightDecay;
    /// β₂.
    double beta2;
    /// 1 − β₁, the weight of PyTorch's lerp of m towards g.
    double weight1;
    /// 1 − (1 − β₁), the lerp's complement weight, which need not round back to β₁.
    double weight1Complement;
    /// 1 − β₂.
    double weight2;
    /// η / (1 − β₁ᵗ).
    double stepSize;
    /// √(1 − β₂ᵗ).
    double biasCorrection2Root;
    /// ε.
    double eps;
    /// Whether λθ is added to the gradient (Adam's weight decay).
    bool coupled;
    /// Whether the denominator uses the running maximum of v (AMSGrad).
    bool amsgrad;
    /// Whether 1 − β₁ < 0.5, which decides the lerp's rounding.
    bool smallWeight;
} AdamKernelConstants;

/// One Adam step on `count` elements: updates x, m, v (and vMax when `amsgrad`) in place.
/// `vMax` is not touched without `amsgrad`. No pointer may alias another.
void adam_kernel_update(
    AdamKernelConstants constants, double *x, const double *g, double *m, double *v, double *vMax,
    ptrdiff_t count, bool portable);

/// The constants of one SGD step, computed once per step by `SGDEngine`.
typedef struct SGDKernelConstants {
    /// η.
    double learningRate;
    /// λ, added to the gradient as λθ when `decays`.
    double weightDecay;
    /// μ.
    double momentum;
    /// 1 − τ, the weight of the new gradient in the momentum buffer.
    double oneMinusDampening;
    /// Whether λ ≠ 0.
    bool decays;
    /// Whether μ ≠ 0 (the buffer is used).
    bool hasMomentum;
    /// Whether this is the first step, when the buffer starts at the gradient, undamped.
    bool firstStep;
    /// Whether the step uses g + μv instead of v.
    bool nesterov;
} SGDKernelConstants;

/// One SGD step on `count` elements: updates x (and the momentum buffer when `hasMomentum`).
/// The gradient is only read. No pointer may alias another.
void sgd_kernel_update(
    SGDKernelConstants constants, double *x, const double *g, double *buffer, ptrdiff_t count, bool portable);

/// The constants of one RMSProp step, computed once per step by `RMSPropEngine`.
typedef struct RMSPropKernelConstants {
    /// η.
    double learningRate;
    /// λ, added to the gradient as λθ when `decays`.
    double weightDecay;
    /// α.
    double alpha;
    /// 1 − α, the weight of g² in v and of PyTorch's lerp of the centred average.
    double weight;
    /// 1 − (1 − α), the lerp's complement weight.
    double weightComplement;
    /// ε.
    double eps;
    /// μ.
    double momentum;
    /// Whether λ ≠ 0.
    bool decays;
    /// Whether the denominator subtracts the squared gradient average.
    bool centered;
    /// Whether μ > 0 (the momentum buffer is used).
    bool hasMomentum;
    /// Whether 1 − α < 0.5, which decides the lerp's rounding.
    bool smallWeight;
} RMSPropKernelConstants;

/// One RMSProp step on `count` elements: updates x, v, and the gradient average (when
/// `centered`) and momentum buffer (when `hasMomentum`), which are otherwise not touched.
void rmsprop_kernel_update(
    RMSPropKernelConstants constants, double *x, const double *g, double *v, double *average, double *buffer,
    ptrdiff_t count, bool portable);

/// The constants of one AdaGrad step, computed once per step by `AdaGradEngine`.
typedef struct AdaGradKernelConstants {
    /// η / (1 + (t − 1)·lrDecay).
    double learningRate;
    /// λ, added to the gradient as λθ when `decays`.
    double weightDecay;
    /// ε.
    double eps;
    /// Whether λ ≠ 0.
    bool decays;
} AdaGradKernelConstants;

/// One AdaGrad step on `count` elements: updates x and the sum of squares in place.
void adagrad_kernel_update(
    AdaGradKernelConstants constants, double *x, const double *g, double *sum, ptrdiff_t count, bool portable);

/// The constants of one ASGD step, computed once per step by `ASGDEngine`.
typedef struct ASGDKernelConstants {
    /// ηₜ₋₁, the step size this step uses.
    double eta;
    /// 1 − κηₜ₋₁, by which the parameters are multiplied before the gradient step.
    double decay;
    /// λ, added to the gradient as λθ when `decays`.
    double weightDecay;
    /// μₜ₋₁, the averaging weight.
    double mu;
    /// Whether λ ≠ 0.
    bool decays;
    /// Whether the gradient is negated first.
    bool maximize;
    /// Whether μ = 1, when the average is a copy of the parameters.
    bool copies;
} ASGDKernelConstants;

/// One ASGD step on `count` elements: updates x and the average in place.
void asgd_kernel_update(
    ASGDKernelConstants constants, double *x, const double *g, double *average, ptrdiff_t count, bool portable);

/// The constants of Rprop's steps, fixed by its configuration.
typedef struct RpropKernelConstants {
    /// η₋ and η₊.
    double etaMinus, etaPlus;
    /// Δmin and Δmax.
    double smallest, largest;
    /// Whether the gradient is negated first.
    bool maximize;
} RpropKernelConstants;

/// One Rprop step on `count` elements: updates x, the remembered gradient and the step lengths.
void rprop_kernel_update(
    RpropKernelConstants constants, double *x, const double *g, double *previous, double *stepLength, ptrdiff_t count,
    bool portable);

/// The constants of one Lion step, computed once per step by `LionEngine`.
typedef struct LionKernelConstants {
    /// η.
    double learningRate;
    /// 1 − ηλ.
    double decay;
    /// β₁ and 1 − β₁.
    double beta1, weight1;
    /// β₂ and 1 − β₂.
    double beta2, weight2;
} LionKernelConstants;

/// One Lion step on `count` elements: updates x and the momentum in place.
void lion_kernel_update(LionKernelConstants constants, double *x, const double *g, double *m, ptrdiff_t count, bool portable);

/// The constants of one Yogi step, computed once per step by `YogiEngine`.
typedef struct YogiKernelConstants {
    /// 1 − ηλ (or 1 − λ) for decoupled decay, else 1; the parameters are multiplied by it first.
    double decay;
    /// λ of coupled decay, added to the gradient as λθ when `coupled`.
    double weightDecay;
    /// 1 − β₁ and 1 − (1 − β₁), the weights of PyTorch's lerp of m towards g.
    double weight1, weight1Complement;
    /// −(1 − β₂).
    double negativeWeight2;
    /// η / (1 − β₁ᵗ).
    double stepSize;
    /// √(1 − β₂ᵗ).
    double biasCorrection2Root;
    /// ε.
    double eps;
    /// Whether λθ is added to the gradient.
    bool coupled;
    /// Whether the gradient is negated first.
    bool maximize;
    /// Whether 1 − β₁ < 0.5, which decides the lerp's rounding.
    bool smallWeight;
} YogiKernelConstants;

/// One Yogi step on `count` elements: updates x, m and v in place.
void yogi_kernel_update(
    YogiKernelConstants constants, double *x, const double *g, double *m, double *v, ptrdiff_t count, bool portable);

/// The constants of one schedule-free step, computed once per step by `ScheduleFreeEngine`.
typedef struct ScheduleFreeKernelConstants {
    /// η_t, the warmed-up learning rate.
    double learningRate;
    /// λ, added to the gradient as λy by the SGD base step when `decays`.
    double weightDecay;
    /// η_t·λ, the Adam base step's decay of z (by z or y) when `decays`.
    double decay;
    /// β₂ and 1 − β₂ (Adam base step).
    double beta2, weight2;
    /// 1 − β₂ᵗ (Adam base step).
    double biasCorrection2;
    /// ε (Adam base step).
    double eps;
    /// c_t and 1 − c_t, the weights of z and x in the new average x.
    double averageWeight, averageComplement;
    /// β (β₁ or μ) and 1 − β, the weights of x and z in y.
    double interpolation, interpolationComplement;
    /// Whether z takes Adam's steps (and v is used) rather than plain gradient steps.
    bool adam;
    /// Whether λ ≠ 0.
    bool decays;
    /// Whether the Adam base step decays by z rather than by y.
    bool decayAtZ;
} ScheduleFreeKernelConstants;

/// One schedule-free step on `count` elements: updates the gradient point y, the base sequence z,
/// the average x and (when `adam`) the second moment v in place; v is not touched otherwise.
/// The gradient is only read. No pointer may alias another.
void schedule_free_kernel_update(
    ScheduleFreeKernelConstants constants, double *y, const double *g, double *z, double *x, double *v,
    ptrdiff_t count, bool portable);

#endif
