/// The gradient's moments that Adam and its variants keep (`exp_avg`, `exp_avg_sq`),
/// updated as `_single_tensor_adam` updates them.
struct AdamMoments {
    let first: Vector
    let second: Vector
    var beta1: Double
    let beta2: Double

    init(dimension: Int, betas: (Double, Double)) {
        first = Vector(count: dimension)
        second = Vector(count: dimension)
        (beta1, beta2) = betas
    }

    /// mᵢ ← β₁mᵢ + (1 − β₁)g by torch's `lerp`, vᵢ ← β₂vᵢ + (1 − β₂)g².
    @inline(__always)
    func update(_ i: Int, with g: Double) {
        let m = first.pointer, v = second.pointer
        m[i] = lerp(m[i], g, 1 - beta1)
        v[i] = runningSquareAverage(v[i], g, beta2)
    }
}

/// The weight decay of NAdam and RAdam, applied before the moments as torch applies it: decoupled
/// shrinks the weight by 1 − ηλ, coupled adds λθ to the gradient; nothing when λ = 0.
struct WeightDecay {
    /// λ.
    let rate: Double
    let decoupled: Bool

    /// λ and the flag as NAdam's and RAdam's configurations name them.
    init(_ c: OptimizerConfig) {
        rate = c[real: "weightDecay"]
        decoupled = c[bool: "decoupledWeightDecay"]
    }

    /// The decoupled shrinking factor 1 − ηλ of a step with learning rate η.
    func factor(learningRate lr: Double) -> Double { 1 - lr * rate }

    /// The gradient the moments see at `x`, shrinking `x` by `factor` first when decoupled.
    @inline(__always)
    func apply(_ x: inout Double, _ g: Double, factor: Double) -> Double {
        guard rate != 0 else { return g }
        if decoupled {
            x *= factor
            return g
        }
        return g.addingProduct(rate, x)
    }
}
