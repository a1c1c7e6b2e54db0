import ExperimentLanguage
import Optimizers

/// An experiment with the numbers its runs produced.
public struct ExperimentResult: Sendable {
    public var experiment: Experiment { didSet { summarise() } }
    /// `trajectories[run][start]`: runs in the order of `experiment.runs`, starts in the order of `experiment.starts`.
    public var trajectories: [[Trajectory]] { didSet { summarise() } }
    /// `summaries[run][start]`: what each trajectory came to, computed once here for every reader.
    public private(set) var summaries: [[RunSummary]] = []

    public init(experiment: Experiment, trajectories: [[Trajectory]]) {
        self.experiment = experiment
        self.trajectories = trajectories
        summarise()
    }

    /// The index of the run labelled `label`.
    public func runIndex(_ label: String) -> Int? {
        experiment.runs.firstIndex { $0.label == label }
    }

    /// The same runs seen at the points they are evaluated at: schedule-free runs at their
    /// average x, every other run as it is (it is evaluated where it steps).
    public var atEvaluationPoints: ExperimentResult {
        guard trajectories.contains(where: { $0.contains(where: \.hasEvaluationPoints) }) else { return self }
        return ExperimentResult(experiment: experiment, trajectories: trajectories.map { $0.map(\.atEvaluationPoints) })
    }

    /// Every summary, runs in order and each run's starts in order, as tables list them.
    public var allSummaries: [RunSummary] { summaries.flatMap { $0 } }

    private mutating func summarise() {
        summaries = trajectories.enumerated().map { r, starts in
            starts.enumerated().map { s, trajectory in
                RunSummary(experiment: experiment, runIndex: r, startIndex: s, trajectory: trajectory)
            }
        }
    }
}

extension ExperimentResult: RunOutput {
    public func json(_ w: inout JSONWriter) { RunJSON.experiment(self, &w) }

    public var runText: String {
        let e = experiment
        let number = RunText.number
        // A run that can switch (SWATS, alone or wrapped) adds the step of its switch to SGD,
        // as the page's results table does.
        let hasSwitch = e.runs.contains { $0.optimizer.has(.switchesToSGD) }
        let rows = e.runs.indices.flatMap { r in
            e.starts.indices.map { s -> [String] in
                let summary = summaries[r][s]
                var row = [
                    e.runs[r].label,
                    "(" + e.starts[s].map { number($0) }.joined(separator: ", ") + ")",
                    summary.finalLoss.map(number) ?? "-",
                    summary.distanceToMinimum.map(number) ?? "-",
                ]
                if hasSwitch { row.append(summary.switchedAt.map { "step \($0)" } ?? "-") }
                return row + [summary.divergedAt.map { "step \($0)" } ?? "no"]
            }
        }
        let headers = ["run", "start", "final f", "distance to minimum"] + (hasSwitch ? ["switched to SGD"] : []) + ["diverged"]
        return "\(e.title)\n" + RunText.table(headers, rows) + "\n"
    }
}

/// A `Formulas` table runs nothing: its output is the table itself.
extension FormulaTable: RunOutput {
    public func json(_ w: inout JSONWriter) { RunJSON.formulas(self, &w) }
    public var runText: String { "Formulas: \(ids.joined(separator: ", "))\n\n" }
}
