import ExperimentLanguage
import Optimizers

/// Where gradient descent with heavy-ball momentum converges on a quadratic, from the
/// eigenvalues λ of its Hessian, for a phase diagram to draw over its cells.
///
/// torch's `SGD(lr: α, momentum: μ)` steps v_t = μ v_{t−1} + g_t, x_t = x_{t−1} − α v_t, which is
/// Polyak's heavy ball x_{t+1} = x_t − α∇f(x_t) + μ (x_t − x_{t−1}) with the same α and μ
/// (coursegen's `Momentum` is the same step). Along an eigenvector the error follows
/// e_{t+1} = (1 + μ − αλ) e_t − μ e_{t−1}, whose characteristic roots solve
/// z² − (1 + μ − αλ) z + μ = 0. The iteration converges iff every root has |z| < 1, that is
/// iff 0 ≤ μ < 1 and 0 < αλ < 2(1 + μ) for every λ; the rate is the largest |z| (``rate(at:)``).
/// It is fastest at α* = (2 / (√L + √m))², μ* = ((√κ − 1)/(√κ + 1))² with L and m the largest
/// and smallest eigenvalue and κ = L/m, where the rate is (√κ − 1)/(√κ + 1).
///
/// Dampening τ scales the step to α(1 − τ) and weight decay w adds w to every eigenvalue.
public struct HeavyBallTheory: Sendable, Equatable {
    /// The Hessian's eigenvalues, weight decay added, ascending; all above 0.
    public var eigenvalues: [Double]
    /// The sweep axis that sets the learning rate α, if one does.
    public var learningRateAxis: Int?
    /// The sweep axis that sets the momentum μ, if one does.
    public var momentumAxis: Int?
    /// α and μ where no axis sets them.
    public var learningRate: Double
    public var momentum: Double
    /// 1 − τ, the dampening's factor on every step.
    public var stepFactor: Double

    /// The rate of convergence at α, μ and one eigenvalue λ: the largest |z| with
    /// z² − (1 + μ − αλ) z + μ = 0; below 1 exactly where the iteration converges.
    public static func rate(learningRate α: Double, momentum μ: Double, eigenvalue λ: Double) -> Double {
        let b = 1 + μ - α * λ
        let discriminant = b * b - 4 * μ
        // Complex roots have |z|² = their product μ.
        guard discriminant >= 0 else { return μ.squareRoot() }
        let root = discriminant.squareRoot()
        return max(abs(b + root), abs(b - root)) / 2
    }

    /// The rate at one value per sweep axis: the largest over the eigenvalues.
    public func rate(at values: [Double]) -> Double {
        let α = (learningRateAxis.map { values[$0] } ?? learningRate) * stepFactor
        let μ = momentumAxis.map { values[$0] } ?? momentum
        // No guard on μ: the roots' product is μ, so |μ| ≥ 1 leaves a root of |z| ≥ 1 and the
        // formula itself puts the border at μ = 1, continuously for the contour that draws it.
        return eigenvalues.map { Self.rate(learningRate: α, momentum: μ, eigenvalue: $0) }.max()!
    }

    /// Below 0 exactly where the iteration converges: the largest of −αλ, αλ − 2(1 + μ) over
    /// the eigenvalues, and |μ| − 1. Its zero set is the border ``rate(at:)`` = 1, but it is
    /// piecewise linear in α and μ where the rate has a square-root kink, so a contour drawn by
    /// linear interpolation between samples puts the border where it is.
    public func margin(at values: [Double]) -> Double {
        let α = (learningRateAxis.map { values[$0] } ?? learningRate) * stepFactor
        let μ = momentumAxis.map { values[$0] } ?? momentum
        let steps = eigenvalues.map { max(-α * $0, α * $0 - 2 * (1 + μ)) }.max()!
        return max(steps, abs(μ) - 1)
    }

    /// The fastest α and μ, with their rate, when the two axes are α and μ.
    public var optimum: (learningRate: Double, momentum: Double, rate: Double)? {
        guard learningRateAxis != nil, momentumAxis != nil else { return nil }
        let L = eigenvalues.last!, m = eigenvalues.first!
        let root = (L.squareRoot() + m.squareRoot())
        let κ = (L / m).squareRoot()
        let rate = (κ - 1) / (κ + 1)
        return (4 / (root * root) / stepFactor, rate * rate, rate)
    }

    /// The theory of `sweep`'s phase diagram, when it applies: the run it colours is a heavy
    /// ball (``MethodCapabilities/heavyBall``: `SGD` without Nesterov, `Momentum`), not maximising, without schedule or gradient noise,
    /// on the same quadratic with a positive definite Hessian in every variant, and the axes
    /// sweep its learning rate, its momentum or both (and the other axis nothing it depends on).
    public init?(_ sweep: ExperimentSweep) {
        guard let diagram = sweep.phaseDiagram else { return nil }
        var eigenvalues: [Double]?
        var rates: [Double] = [], momenta: [Double] = []
        var fixed: (dampening: Double, weightDecay: Double)?
        for variant in sweep.variants {
            let run = variant.runs[diagram.runIndex]
            let config = run.optimizer
            guard config.spec?.capabilities.contains(.heavyBall) == true, run.schedule == nil, run.noise == nil, variant.batchSize == nil,
                  config.values["maximize"]?.bool != true, config.values["nesterov"]?.bool != true,
                  let lr = config.values["lr"]?.real, let momentum = config.values["momentum"]?.real,
                  let λ = variant.objective.hessianEigenvalues, λ.allSatisfy({ $0 > 0 })
            else { return nil }
            let others = (config.values["dampening"]?.real ?? 0, config.values["weightDecay"]?.real ?? 0)
            guard others.0 < 1, eigenvalues == nil || (eigenvalues == λ && fixed! == others) else { return nil }
            eigenvalues = λ
            fixed = others
            rates.append(lr)
            momenta.append(momentum)
        }
        guard let eigenvalues, let fixed else { return nil }
        // A hyperparameter is either the same in every variant or the value of one axis.
        func axis(_ values: [Double]) -> Int?? {
            if Set(values).count == 1 { return .some(nil) }
            for a in sweep.axes.indices where values.indices.allSatisfy({ values[$0] == sweep.values(of: $0)[a] }) { return a }
            return nil
        }
        guard let lrAxis = axis(rates), let momentumAxis = axis(momenta), lrAxis != nil || momentumAxis != nil else { return nil }
        self.eigenvalues = eigenvalues.map { $0 + fixed.weightDecay }
        learningRateAxis = lrAxis
        self.momentumAxis = momentumAxis
        learningRate = rates[0]
        momentum = momenta[0]
        stepFactor = 1 - fixed.dampening
    }
}
