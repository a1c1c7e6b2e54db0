import ExperimentLanguage
import Experiments

/// How the results table and the figure descriptions name a run and its early stop.
extension RunSummary {
    /// The run's label, with the start when the experiment has several.
    func label(in experiment: Experiment) -> String {
        let label = experiment.runs[runIndex].label
        return experiment.starts.count > 1 ? "\(label) from \(Numbers.point(experiment.starts[startIndex]))" : label
    }

    /// Why the run stopped early, in words, other than divergence.
    var haltWords: String? {
        switch halt {
        case .hessianUnavailable(let step): "stopped at step \(step): no Hessian"
        case .singularHessian(let step): "stopped at step \(step): singular Hessian"
        case .invalidConfiguration(let problems): "did not run: " + problems.joined(separator: "; ")
        case nil: nil
        }
    }
}
