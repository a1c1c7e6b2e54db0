import CourseDiagnostics
import ExperimentLanguage
import NeuralNetworks

/// Runs an ``ActivationsStudy``: the forward passes take milliseconds, so nothing is cached.
public enum ActivationsRunner {
    public static func run(_ study: ActivationsStudy, kernel: MatrixKernel = .preferred) -> (result: ActivationsStudyResult?, diagnostics: [Diagnostic]) {
        do {
            let result = try ActivationStudy.run(study.configuration, kernel: kernel)
            return (ActivationsStudyResult(study: study, result: result), [])
        } catch {
            return (nil, [.error("cannot run '\(study.title)': \(error.description)", at: study.location, length: "Activations".utf8.count)])
        }
    }
}
