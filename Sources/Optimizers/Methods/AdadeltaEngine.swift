/// `torch.optim.Adadelta` (`_single_tensor_adadelta`).
final class AdadeltaEngine: FirstOrderEngine {
    let gradient: Vector
    private let squareAverage: Vector
    private let accumulatedDelta: Vector
    /// √(uₜ₋₁ + ε) / √(vₜ + ε) of the last step, per coordinate: its rate without η.
    private let ratio: Vector
    private let rho: Double, eps: Double, weightDecay: Double

    init(dimension: Int, rho: Double, eps: Double, weightDecay: Double) {
        gradient = Vector(count: dimension)
        squareAverage = Vector(count: dimension)
        accumulatedDelta = Vector(count: dimension)
        ratio = Vector(count: dimension)
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = squareAverage.pointer, u = accumulatedDelta.pointer, r = ratio.pointer
        for i in 0..<x.count {
            let gi = weightDecay != 0 ? g[i].addingProduct(weightDecay, x[i]) : g[i]
            v[i] = addcmul(v[i] * rho, 1 - rho, gi, gi)
            let std = (v[i] + eps).squareRoot()
            r[i] = (u[i] + eps).squareRoot() / std
            let delta = r[i] * gi
            u[i] = addcmul(u[i] * rho, 1 - rho, delta, delta)
            x[i] = x[i].addingProduct(-lr, delta)
        }
        return true
    }

    /// η √(uₜ₋₁ + ε) / √(vₜ + ε) per coordinate: the factor of the gradient in the step.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let r = ratio.pointer
        for i in 0..<rates.count { rates[i] = lr * r[i] }
        return true
    }
}
