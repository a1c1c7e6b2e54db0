#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SWATS (Keskar & Socher 2017, Algorithm 1): Adam steps pₖ, while tracking the SGD
/// learning rate γₖ = pₖᵀpₖ / (−pₖᵀgₖ) that each implies, averaged as λₖ; once
/// |λₖ/(1 − β₂ᵏ) − γₖ| < ε (k > 1) it switches for good to momentum SGD with
/// Λ = λₖ/(1 − β₂ᵏ): vₖ = β₁vₖ₋₁ + gₖ, xₖ = xₖ₋₁ − (1 − β₁)Λvₖ.
///
/// A learning-rate schedule scales α in the Adam phase and Λ in the SGD phase by the
/// same factor ηₜ/η.
final class SWATSEngine: FirstOrderEngine {
    let gradient: Vector
    private let firstMoment: Vector
    private let secondMoment: Vector
    private let velocity: Vector
    private let baseLearningRate: Double
    private let beta1: Double, beta2: Double, eps: Double
    private var k = 0
    private var averagedRate = 0.0
    private var sgdRate = 0.0
    private(set) var switchedAt: Int?

    init(dimension: Int, learningRate: Double, betas: (Double, Double), eps: Double) {
        gradient = Vector(count: dimension)
        firstMoment = Vector(count: dimension)
        secondMoment = Vector(count: dimension)
        velocity = Vector(count: dimension)
        baseLearningRate = learningRate
        (beta1, beta2) = betas
        self.eps = eps
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        k += 1
        let n = x.count
        if switchedAt != nil {
            let v = velocity.pointer
            let factor = baseLearningRate > 0 ? lr / baseLearningRate : 1
            let rate = (1 - beta1) * sgdRate * factor
            for i in 0..<n {
                v[i] = beta1 * v[i] + g[i]
                x[i] -= rate * v[i]
            }
            return true
        }
        let m = firstMoment.pointer, a = secondMoment.pointer
        let step = Double(k)
        let bias2 = 1 - pow(beta2, step)
        let scale = -lr * bias2.squareRoot() / (1 - pow(beta1, step))
        var pp = 0.0, pg = 0.0
        for i in 0..<n {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            a[i] = beta2 * a[i] + (1 - beta2) * g[i] * g[i]
            let p = scale * m[i] / (a[i].squareRoot() + eps)
            x[i] += p
            pp += p * p
            pg += p * g[i]
        }
        if pg != 0 {
            let gamma = pp / -pg
            averagedRate = beta2 * averagedRate + (1 - beta2) * gamma
            let corrected = averagedRate / bias2
            if k > 1, abs(corrected - gamma) < eps {
                switchedAt = k
                sgdRate = corrected
                velocity.fill(0)
            }
        }
        return true
    }
}
