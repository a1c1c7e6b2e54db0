/// Which loop an element-wise engine (Adam and AdamW, SGD, RMSProp, AdaGrad) runs.
///
/// The readable loop is the Swift code beside each engine's formula; the compiled loop
/// is the same arithmetic in COptimizerKernels, four doubles at a time with hardware FMA
/// where the processor has AVX2. Both give the same bits (OptimizersTests holds them to
/// it); they differ only in speed, so tests choose one and everything else takes the default.
enum ElementwiseLoop {
    /// The compiled loop from ``compiledThreshold`` elements up, the readable one below.
    case automatic
    /// Always the readable Swift loop.
    case readable
    /// Always the compiled loop, on the widest instructions this processor has.
    case compiled
    /// Always the compiled loop's portable C code, as a processor without AVX2 runs it.
    case portable

    /// From this length up, the compiled loop is faster than the readable one: below it, the
    /// call into C costs more than the few fused multiply-adds it saves (2-D runs stay in Swift).
    static let compiledThreshold = 16

    /// Whether a vector of `count` elements goes to the compiled loop, and if so, whether
    /// to its portable code.
    func compiled(count: Int) -> (compiled: Bool, portable: Bool) {
        switch self {
        case .automatic: (count >= Self.compiledThreshold, false)
        case .readable: (false, false)
        case .compiled: (true, false)
        case .portable: (true, true)
        }
    }
}
