import CourseDiagnostics
import ExperimentLanguage
import Optimizers
import Scheduling

/// An `Average` builder's behaviour: draws the series from its seed, computes every average
/// of it, and checks its claims (``check(_:)``).
public enum AverageRunner {
    /// The study's result through `cache`, as ``ExperimentRunner/run(_:cache:pool:willRun:)`` does.
    public static func run(_ study: AverageStudy, cache: ResultCache?, willRun: (() -> Void)? = nil) -> AverageResult {
        ResultCache.through(cache, AverageResultCoding.self, of: study, key: { $0.key(study) }, willRun: willRun) { run(study) }
    }

    /// Observation t is s_t + σ z_t, with z_t the t-th normal of `Xoshiro256StarStar(seed:)`
    /// (drawn even when σ = 0, so a series' noise does not depend on its size).
    public static func run(_ study: AverageStudy) -> AverageResult {
        var random = Xoshiro256StarStar(seed: study.seed)
        let signal = (1...study.samples).map { study.signal.value(at: $0) }
        let sigma = study.signal.noise
        let observations = signal.map { $0 + sigma * random.nextNormal() }
        let averages = study.averages.map { average -> [Double] in
            switch average.method {
            case .moving(let window): return AverageMath.moving(observations, window: window)
            case .weighted(let weights): return AverageMath.weighted(observations, weights: weights)
            case .exponential(let beta, let corrected): return AverageMath.exponential(observations, beta: beta, biasCorrection: corrected)
            }
        }
        return AverageResult(study: study, signal: signal, observations: observations, averages: averages)
    }
}

// MARK: - Claims

/// Decides whether each `Expect` of an `Average` builder holds, and reports a false one at
/// its own line with the two numbers that contradict it.
extension AverageRunner {
    public static func check(_ result: AverageResult) -> [Diagnostic] {
        result.study.expectations.compactMap { check($0, in: result) }
    }

    static func check(_ claim: AverageExpectation, in result: AverageResult) -> Diagnostic? {
        let (label, other) = claim.labels
        guard let mine = result.values(label), let theirs = result.values(other) else {
            return .error("claim is false: no average is labelled '\(label)' or '\(other)'", at: claim.location)
        }
        let window = claim.window
        let span = window == 1...result.study.samples ? "" : " over observations \(window.lowerBound)...\(window.upperBound)"
        let a: Double, b: Double, measure: String
        switch claim.kind {
        case .smootherThan:
            a = AverageMath.totalVariation(mine, over: window)
            b = AverageMath.totalVariation(theirs, over: window)
            measure = "smoother than"
        case .closerThan:
            a = AverageMath.rmsDistance(mine, result.signal, over: window)
            b = AverageMath.rmsDistance(theirs, result.signal, over: window)
            measure = "closer to the signal than"
        }
        if a < b { return nil }
        let what = claim.kind == .smootherThan(label: label, other: other) ? "total variation" : "RMS distance to the signal"
        return .error(
            "claim is false: '\(label)' is not \(measure) '\(other)'\(span): \(what) \(Format.number(a)) against \(Format.number(b))",
            at: claim.location, length: claim.call.unicodeScalars.count,
            hint: "change the averages, the series or the claim, so that the text says what the figure shows")
    }
}

extension AverageStudy: RunnableDirective {
    public func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun {
        let result = AverageRunner.run(self, cache: cache, willRun: willRun)
        return DirectiveRun(output: result, diagnostics: AverageRunner.check(result))
    }
}
