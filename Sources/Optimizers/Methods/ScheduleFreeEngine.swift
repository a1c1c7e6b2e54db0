internal import COptimizerKernels

/// What the schedule-free methods share (Defazio et al. 2024): the paper, the warm-up and
/// averaging hyperparameters, and the engine, which keeps the base sequence z and its average x
/// beside the gradient point y that the caller's parameters hold.
enum ScheduleFree {
    static let paper = PaperReference(
        citation: "Defazio et al. 2024", title: "The Road Less Scheduled", arXiv: "2405.15682")

    static let warmupSteps = HyperparameterSpec.number(
        "warmupSteps", "warm-up steps", symbol: "T_w", latex: "T_w", .integer(0), .atLeast(0), torch: "warmup_steps value")

    static let r = HyperparameterSpec.number(
        "r", "averaging power", symbol: "r", latex: "r", .real(0), .nonNegative, torch: "r value")

    static let weightLrPower = HyperparameterSpec.number(
        "weightLrPower", "learning-rate power of the weights", symbol: "p", latex: "p", .real(2), .nonNegative,
        torch: "weight_lr_power value")
}

/// The package's warm-up and averaging weights, kept per run as its parameter group keeps them
/// (`k`, `lr_max`, `weight_sum`), in its order of operations.
struct ScheduleFreeAveraging {
    let warmupSteps: Int
    let r: Double
    let weightLrPower: Double
    /// Steps taken (the group's `k`).
    private(set) var k = 0
    /// The largest warmed-up learning rate so far; the package starts it at −1.
    private var lrMax = -1.0
    private var weightSum = 0.0

    init(_ c: OptimizerConfig) {
        warmupSteps = c[integer: "warmupSteps"]
        r = c[real: "r"]
        weightLrPower = c[real: "weightLrPower"]
    }

    /// The next step's warmed-up η_t and c_{t}, the weight of z_t in the average x_t.
    mutating func next(learningRate: Double) -> (lr: Double, averageWeight: Double) {
        let schedule = k < warmupSteps ? Double(k + 1) / Double(warmupSteps) : 1.0
        let lr = learningRate * schedule
        lrMax = max(lr, lrMax)
        let weight = LibM.pow(Double(k + 1), r) * LibM.pow(lrMax, weightLrPower)
        weightSum += weight
        k += 1
        // The package catches the division by a zero sum (every η so far 0) and uses 0.
        return (lr, weightSum == 0 ? 0 : weight / weightSum)
    }
}

/// `AdamWScheduleFreeReference.step` and `SGDScheduleFreeReference.step`: the parameters the
/// caller passes are y, where the gradient was taken; z and x live here. Before the first step all
/// three are the start.
final class ScheduleFreeEngine: FirstOrderEngine {
    /// What moves z: plain gradient steps, or Adam's bias-corrected second moment.
    enum BaseStep {
        case sgd
        case adam(beta2: Double, eps: Double, decayAtZ: Bool)
    }

    // Readable inside the module so that tests can compare the state.
    let base: Vector
    let average: Vector
    let secondMoment: Vector
    private var averaging: ScheduleFreeAveraging
    /// β₁ or μ: y = βx + (1 − β)z.
    private let interpolation: Double
    private let weightDecay: Double
    private let baseStep: BaseStep
    private var started = false
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    init(dimension: Int, averaging: ScheduleFreeAveraging, interpolation: Double, weightDecay: Double, step: BaseStep) {
        base = Vector(count: dimension)
        average = Vector(count: dimension)
        if case .adam = step {
            secondMoment = Vector(count: dimension)
        } else {
            secondMoment = Vector(count: 0)
        }
        self.averaging = averaging
        self.interpolation = interpolation
        self.weightDecay = weightDecay
        baseStep = step
    }

    func update(_ y: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool {
        if !started, let start = y.baseAddress {
            base.copy(from: start)
            average.copy(from: start)
            started = true
        }
        let step = averaging.k + 1
        let (lr, c) = averaging.next(learningRate: learningRate)
        let z = base.pointer, x = average.pointer
        let (compiled, portable) = loop.compiled(count: y.count)
        if compiled, let yp = y.baseAddress, let gp = g.baseAddress {
            // The same arithmetic as the loops below, fused into one pass, four elements at a time in C.
            var constants = ScheduleFreeKernelConstants()
            constants.learningRate = lr
            constants.weightDecay = weightDecay
            constants.decays = weightDecay != 0
            constants.averageWeight = c
            constants.averageComplement = 1 - c
            constants.interpolation = interpolation
            constants.interpolationComplement = 1 - interpolation
            if case .adam(let beta2, let eps, let decayAtZ) = baseStep {
                constants.adam = true
                constants.decay = lr * weightDecay
                constants.beta2 = beta2
                constants.weight2 = 1 - beta2
                constants.biasCorrection2 = 1 - LibM.pow(beta2, Double(step))
                constants.eps = eps
                constants.decayAtZ = decayAtZ
            }
            schedule_free_kernel_update(constants, yp, gp, z, x, secondMoment.pointer, y.count, portable)
            return true
        }
        switch baseStep {
        case .sgd:
            for i in 0..<y.count {
                let gi = withWeightDecay(g[i], y[i], weightDecay)
                z[i] = z[i].addingProduct(-lr, gi)
            }
        case .adam(let beta2, let eps, let decayAtZ):
            let biasCorrection2 = 1 - LibM.pow(beta2, Double(step))
            let decay = lr * weightDecay
            let v = secondMoment.pointer
            for i in 0..<y.count {
                if weightDecay != 0 { z[i] = z[i].addingProduct(-decay, decayAtZ ? z[i] : y[i]) }
                v[i] = runningSquareAverage(v[i], g[i], beta2)
                let denominator = (v[i] / biasCorrection2).squareRoot() + eps
                z[i] = addcdiv(z[i], -lr, g[i], denominator)
            }
        }
        for i in 0..<y.count {
            x[i] = (x[i] * (1 - c)).addingProduct(c, z[i])
            y[i] = (x[i] * interpolation).addingProduct(1 - interpolation, z[i])
        }
        return true
    }

    /// x, the average (the point the method evaluates), once a step has been taken.
    func averagedIterate(_ into: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard started else { return false }
        into.update(fromContentsOf: average.buffer)
        return true
    }
}
