import ExperimentLanguage
import NeuralNetworks

/// A `Training` builder with what training produced: per run, the loss of every
/// iteration, accuracy checkpoints and final figures, in the order of `study.runs`.
public struct TrainingStudyResult: Sendable {
    public var study: TrainingStudy
    public var report: TrainingReport

    public init(study: TrainingStudy, report: TrainingReport) {
        precondition(report.results.count == study.runs.count, "one result per optimizer call")
        self.study = study
        self.report = report
    }

    /// The result of the run labelled `label`.
    public func result(_ label: String) -> TrainingResult? {
        study.runs.firstIndex { $0.label == label }.map { report.results[$0] }
    }
}

extension TrainingStudyResult: RunOutput {
    public func json(_ w: inout JSONWriter) { RunJSON.training(self, &w) }

    public var runText: String {
        let number = RunText.number
        var out = "\(study.title)\n"
        let hasValidation = study.configuration.hasValidation
        out += "\(report.trainCount) training" + (hasValidation ? ", \(report.validationCount) validation" : "")
        out += " and \(report.testCount) test samples, \(report.parameterCount) parameters, "
        out += "\(study.configuration.iterations) iterations\n"
        let rows = zip(study.runs, report.results).map { run, outcome in
            [run.label, number(outcome.finalTrainLoss), number(100 * outcome.trainAccuracy) + " %"]
                + (hasValidation ? [outcome.validationAccuracy.map { number(100 * $0) + " %" } ?? "–"] : [])
                + [number(100 * outcome.testAccuracy) + " %", outcome.divergedAt.map { "iteration \($0)" } ?? "no"]
        }
        let header = ["run", "final training loss", "training accuracy"] + (hasValidation ? ["validation accuracy"] : [])
            + ["test accuracy", "diverged"]
        return out + RunText.table(header, rows) + "\n"
    }
}
