import CourseDiagnostics
import ExperimentLanguage
import NeuralNetworks

/// Trains a ``TrainingStudy``'s network once per optimizer call, through the result cache
/// when one is given.
public enum TrainingRunner {
    /// The study's results, or an error at the builder when its data cannot be loaded.
    ///
    /// With a `cache`, a valid entry for this directive, dataset, kernel and coursegen
    /// version is used instead of training; otherwise `willTrain` is called (for progress
    /// on a terminal), the network trains, and the entry is written. A cache that cannot
    /// be written only costs the next build its speed, so write failures are ignored.
    public static func run(
        _ study: TrainingStudy, cache: ResultCache? = nil, kernel: MatrixKernel = .preferred,
        willTrain: (() -> Void)? = nil
    ) -> (result: TrainingStudyResult?, diagnostics: [Diagnostic]) {
        var key: ResultCache.Key?
        if let cache {
            do {
                key = try cache.key(study, kernel: kernel)
            } catch {
                return (nil, [failure(error, study)])
            }
        }
        if let cache, let key, let report = cache.report(for: key, study: study) {
            return (TrainingStudyResult(study: study, report: report), [])
        }
        willTrain?()
        let report: TrainingReport
        do {
            report = try Trainer.run(study.configuration, kernel: kernel)
        } catch {
            switch error {
            case .dataset(let problem): return (nil, [failure(problem, study)])
            case .invalidConfiguration(let problems):
                return (nil, problems.map { .error($0, at: study.location, length: "Training".utf8.count) })
            }
        }
        if let cache, let key { cache.store(report, for: key) }
        return (TrainingStudyResult(study: study, report: report), [])
    }

    private static func failure(_ error: DatasetError, _ study: TrainingStudy) -> Diagnostic {
        let hint: String?
        switch error {
        case .missingFile(_, let fileHint): hint = fileHint
        case .malformed: hint = "the files must be MNIST's uncompressed IDX format"
        case .unreadable: hint = "the dataset's files must be regular files of at most \(DatasetSource.maximumFileBytes) bytes"
        case .invalidParameter: hint = nil
        }
        return .error("cannot load the dataset of '\(study.title)': \(error.description)", at: study.location,
                      length: "Training".utf8.count, hint: hint)
    }
}
