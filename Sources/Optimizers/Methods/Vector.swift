/// A fixed-length vector of doubles owned by an optimizer's state, allocated once
/// and zero-filled, so that steps index raw memory and never allocate.
final class Vector {
    let count: Int
    let pointer: UnsafeMutablePointer<Double>

    init(count: Int, repeating value: Double = 0) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: max(count, 1))
    }

    deinit {
        pointer.deallocate()
    }

    var buffer: UnsafeMutableBufferPointer<Double> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    func fill(_ value: Double) {
        pointer.update(repeating: value, count: count)
    }

    func copy(from source: UnsafePointer<Double>) {
        pointer.update(from: source, count: count)
    }
}

// PyTorch's CPU kernels for 2-D tensors run their scalar loops, which the compiler
// contracts to fused multiply-adds. The helpers below round exactly as those loops do,
// so that trajectories agree with PyTorch's bit for bit, not only to 1e-9.

/// PyTorch's `lerp`: `a + w (b − a)` for w < 0.5, else `b − (b − a)(1 − w)`, each fused.
@inline(__always)
func lerp(_ a: Double, _ b: Double, _ w: Double) -> Double {
    w < 0.5 ? a.addingProduct(w, b - a) : b.addingProduct(-(b - a), 1 - w)
}

/// PyTorch's `self.addcmul_(t1, t2, value)`: `self + value·t1·t2`, fused as fma(value·t1, t2, self).
@inline(__always)
func addcmul(_ a: Double, _ value: Double, _ t1: Double, _ t2: Double) -> Double {
    a.addingProduct(value * t1, t2)
}

/// PyTorch's `self.addcdiv_(t1, t2, value)`: `self + (value·t1) / t2`.
@inline(__always)
func addcdiv(_ a: Double, _ value: Double, _ t1: Double, _ t2: Double) -> Double {
    a + value * t1 / t2
}

/// PyTorch's coupled (L2) weight decay, `grad.add(param, alpha=weight_decay)`, skipped at 0 as torch skips it.
@inline(__always)
func withWeightDecay(_ g: Double, _ x: Double, _ weightDecay: Double) -> Double {
    weightDecay != 0 ? g.addingProduct(weightDecay, x) : g
}

/// PyTorch's running average of squares, `avg.mul_(β).addcmul_(g, g, value=1 − β)`.
@inline(__always)
func runningSquareAverage(_ average: Double, _ g: Double, _ beta: Double) -> Double {
    addcmul(average * beta, 1 - beta, g, g)
}
