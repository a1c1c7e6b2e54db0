/// SGDW (Loshchilov & Hutter 2019, Algorithm 1 with SGD): momentum on the raw gradient,
/// and decoupled decay θ ← θ − ηλθ applied before the step, as PyTorch's AdamW does.
final class SGDWEngine: FirstOrderEngine {
    let gradient: Vector
    private let velocity: Vector
    private let momentum: Double, weightDecay: Double

    init(dimension: Int, momentum: Double, weightDecay: Double) {
        gradient = Vector(count: dimension)
        velocity = Vector(count: dimension)
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = velocity.pointer
        let decay = 1 - lr * weightDecay
        for i in 0..<x.count {
            v[i] = momentum * v[i] + g[i]
            x[i] = x[i] * decay - lr * v[i]
        }
        return true
    }
}
