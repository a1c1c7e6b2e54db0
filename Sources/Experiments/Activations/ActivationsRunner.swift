import CourseDiagnostics
import ExperimentLanguage
import NeuralNetworks
import Scheduling

/// An `Activations` builder's behaviour: runs the forward passes, through the result cache
/// when one is given, and checks its claims about the histograms (``check(_:)``).
public enum ActivationsRunner {
    /// The study's histograms, or an error at the builder when it cannot run.
    ///
    /// With a `cache`, a valid entry for this directive, kernel and coursegen version is used
    /// instead of running; otherwise `willRun` is called, the forward passes run, and the
    /// entry is written.
    public static func run(
        _ study: ActivationsStudy, cache: ResultCache? = nil, kernel: MatrixKernel = .preferred, willRun: (() -> Void)? = nil
    ) -> (result: ActivationsStudyResult?, diagnostics: [Diagnostic]) {
        do {
            // Both closures name the error, which only the forward passes throw, so that it stays typed.
            let result = try ResultCache.through(
                cache, ActivationsResultCoding.self, of: study, key: { cache throws(TrainingError) in cache.key(study, kernel: kernel) },
                willRun: willRun
            ) { () throws(TrainingError) in
                ActivationsStudyResult(study: study, result: try ActivationHistograms.run(study.configuration, kernel: kernel))
            }
            return (result, [])
        } catch {
            return (nil, [.error("cannot run '\(study.title)': \(error.description)", at: study.location, length: "Activations".utf8.count)])
        }
    }
}

// MARK: - Claims

/// Decides whether each `Expect` of an activation study holds for its histograms.
extension ActivationsRunner {
    public static func check(_ result: ActivationsStudyResult) -> [Diagnostic] {
        result.study.expectations.compactMap { check($0, in: result) }
    }

    static func check(_ claim: ActivationExpectation, in result: ActivationsStudyResult) -> Diagnostic? {
        guard let histogram = result.histogram(claim.label, layer: claim.layer) else {
            return claim.isFalse("no row is labelled '\(claim.label)' with a layer \(claim.layer)")
        }
        let std = histogram.standardDeviation
        let name = "'\(claim.label)' at layer \(claim.layer)"
        switch claim.kind {
        case .stdAbove(let bound):
            guard std > bound else { return claim.isFalse("\(name) has activations of standard deviation \(Format.number(std)), not above \(Format.number(bound))") }
        case .stdBelow(let bound):
            guard std < bound else { return claim.isFalse("\(name) has activations of standard deviation \(Format.number(std)), not below \(Format.number(bound))") }
        case .saturatedAbove(let bound):
            let share = ActivationsStudyResult.saturatedShare(histogram)
            guard share > bound else {
                return claim.isFalse("\(name) has \(Format.number(100 * share)) % of its activations at the range's ends, not more than \(Format.number(100 * bound)) %")
            }
        case .widerThan(let other):
            guard let theirs = result.histogram(other, layer: claim.layer) else { return claim.isFalse("no row is labelled '\(other)'") }
            guard std > theirs.standardDeviation else {
                return claim.isFalse("\(name) has activations of standard deviation \(Format.number(std)), '\(other)' \(Format.number(theirs.standardDeviation))")
            }
        }
        return nil
    }
}

extension ActivationsStudy: RunnableDirective {
    public func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun {
        let (result, problems) = ActivationsRunner.run(self, cache: cache, willRun: willRun)
        guard let result else { return DirectiveRun(output: nil, diagnostics: problems) }
        return DirectiveRun(output: result, diagnostics: problems + ActivationsRunner.check(result))
    }
}
