import ExperimentLanguage
import NeuralNetworks
import Scheduling

/// The runs of one build, computed once each and shared by every fence that holds the same
/// run: a training's run is keyed by its meaning (``TrainingStudy/runKeys(kernel:)``), so a
/// solution that repeats a chapter's training, or a quick copy of a network, trains nothing twice.
///
/// Make one per build (``RunDirectives`` does) and hand it to every ``DirectiveRunner/run(_:cache:pool:shared:willRun:)``;
/// its values live as long as it does.
public final class SharedRuns: Sendable {
    public let trainings = SharedResults<String, TrainingResult>()

    public init() {}
}

extension TrainingStudy {
    /// The key of each run in ``SharedRuns/trainings``: the study's meaning with that run alone,
    /// the matrix kernel and the dataset (an MNIST folder by its path: within one build its
    /// files are the ones the training reads).
    func runKeys(kernel: MatrixKernel) -> [String] {
        configuration.runs.map { run in
            var alone = self
            alone.configuration.runs = [run]
            return "kernel: \(kernel.description)\ndataset: \(configuration.dataset)\n" + alone.cacheMeaning.text
        }
    }
}
