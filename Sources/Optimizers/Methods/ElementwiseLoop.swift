/// Which loop an element-wise engine (Adam and AdamW, SGD, RMSProp, AdaGrad, ASGD, Rprop, Lion, Yogi,
/// schedule-free AdamW and SGD) runs.
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

    /// From this length up, the compiled loop runs. Measured in release through
    /// `Optimizer.step(_:gradient:)`: from four elements (one AVX2 vector) it is faster for Adam
    /// (52 against 75 ns a step), SGD with momentum and AdaGrad, and within 10 % for RMSProp,
    /// which gains from eight; at two elements it is slower for RMSProp and AdaGrad. The course's
    /// 2-D runs, which the PyTorch trajectories pin, stay on the readable loop.
    static let compiledThreshold = 4

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
