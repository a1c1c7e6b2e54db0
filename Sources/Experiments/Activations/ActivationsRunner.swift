import CourseDiagnostics
import ExperimentLanguage
import NeuralNetworks

/// Runs an ``ActivationsStudy``, through the result cache when one is given.
public enum ActivationsRunner {
    /// The study's histograms, or an error at the builder when it cannot run.
    ///
    /// With a `cache`, a valid entry for this directive, kernel and coursegen version is used
    /// instead of running; otherwise `willRun` is called, the forward passes run, and the
    /// entry is written.
    public static func run(
        _ study: ActivationsStudy, cache: ResultCache? = nil, kernel: MatrixKernel = .preferred, willRun: (() -> Void)? = nil
    ) -> (result: ActivationsStudyResult?, diagnostics: [Diagnostic]) {
        let key = cache?.key(study, kernel: kernel)
        if let cache, let key, let result = cache.result(for: key, study: study) { return (result, []) }
        willRun?()
        do {
            let result = ActivationsStudyResult(study: study, result: try ActivationStudy.run(study.configuration, kernel: kernel))
            if let cache, let key { cache.store(result, for: key) }
            return (result, [])
        } catch {
            return (nil, [.error("cannot run '\(study.title)': \(error.description)", at: study.location, length: "Activations".utf8.count)])
        }
    }
}
