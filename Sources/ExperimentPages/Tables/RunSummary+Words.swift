import ExperimentLanguage
import Experiments

/// How the results table and the figure descriptions name a run and its early stop.
extension RunSummary {
    /// The run's label, with the start when the experiment has several.
    func label(in experiment: Experiment) -> String {
        let label = experiment.runs[runIndex].label
        return experiment.starts.count > 1 ? Words.fromStart(label, experiment.starts[startIndex]) : label
    }

    /// Why the run stopped early, in words, other than divergence.
    var haltWords: String? {
        switch halt {
        case .hessianUnavailable(let step): Words.text("results.stoppedNoHessian", ["step": String(step)])
        case .singularHessian(let step): Words.text("results.stoppedSingularHessian", ["step": String(step)])
        case .invalidConfiguration(let problems): Words.text("results.didNotRun", ["problems": problems.joined(separator: "; ")])
        case nil: nil
        }
    }
}
