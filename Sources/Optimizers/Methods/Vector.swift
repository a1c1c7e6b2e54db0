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

/// PyTorch's `lerp`: `a + w (b − a)` for w < 0.5, else `b − (b − a)(1 − w)`, which keeps
/// the result exact at w = 1. Momentum averages use it, so their rounding is PyTorch's.
@inline(__always)
func lerp(_ a: Double, _ b: Double, _ w: Double) -> Double {
    w < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w)
}
