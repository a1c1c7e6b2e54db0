/// `torch.optim.Adagrad` (`_single_tensor_adagrad`, dense gradients).
final class AdaGradEngine: FirstOrderEngine {
    let gradient: Vector
    private let sum: Vector
    private let lrDecay: Double, weightDecay: Double, eps: Double
    private var t = 0

    init(dimension: Int, lrDecay: Double, weightDecay: Double, initialAccumulatorValue: Double, eps: Double) {
        gradient = Vector(count: dimension)
        sum = Vector(count: dimension, repeating: initialAccumulatorValue)
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.eps = eps
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let s = sum.pointer
        let clr = lr / (1 + Double(t - 1) * lrDecay)
        for i in 0..<x.count {
            let gi = weightDecay != 0 ? g[i].addingProduct(weightDecay, x[i]) : g[i]
            s[i] = addcmul(s[i], 1, gi, gi)
            x[i] = addcdiv(x[i], -clr, gi, s[i].squareRoot() + eps)
        }
        return true
    }
}
