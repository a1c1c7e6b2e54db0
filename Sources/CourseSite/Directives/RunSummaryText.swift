import ExperimentLanguage
import Experiments
import Foundation
import TextFormatting

/// `coursegen run` without `--json`: a plain table per experiment.
public enum RunSummaryText {
    public static func render(_ outputs: [RunOutput]) -> String {
        var out = ""
        for output in outputs {
            switch output {
            case .formulas(let table):
                out += "Formulas: \(table.ids.joined(separator: ", "))\n\n"
            case .experiment(let result):
                out += experiment(result)
            case .schedule(let result):
                let study = result.study
                out += "\(study.title)\n"
                out += "learning-rate schedules over \(study.steps) steps: \(study.runs.map(\.label).joined(separator: ", "))\n"
                if let problem = result.problem { out += experiment(problem) } else { out += "\n" }
            case .average(let result):
                let study = result.study
                out += "\(study.title)\n"
                out += "\(study.averages.count) averages of \(study.samples) samples (use --json for their values)\n\n"
            case .training(let result):
                out += training(result)
            case .activations(let result):
                out += activations(result)
            }
        }
        return out
    }

    private static func training(_ result: TrainingStudyResult) -> String {
        let report = result.report
        var out = "\(result.study.title)\n"
        let hasValidation = result.study.configuration.hasValidation
        out += "\(report.trainCount) training" + (hasValidation ? ", \(report.validationCount) validation" : "")
        out += " and \(report.testCount) test samples, \(report.parameterCount) parameters, "
        out += "\(result.study.configuration.iterations) iterations\n"
        let rows = zip(result.study.runs, report.results).map { run, outcome in
            [run.label, number(outcome.finalTrainLoss), number(100 * outcome.trainAccuracy) + " %"]
                + (hasValidation ? [outcome.validationAccuracy.map { number(100 * $0) + " %" } ?? "–"] : [])
                + [number(100 * outcome.testAccuracy) + " %", outcome.divergedAt.map { "iteration \($0)" } ?? "no"]
        }
        let header = ["run", "final training loss", "training accuracy"] + (hasValidation ? ["validation accuracy"] : [])
            + ["test accuracy", "diverged"]
        return out + table(header, rows) + "\n"
    }

    private static func activations(_ result: ActivationsStudyResult) -> String {
        let layers = result.study.configuration.layers
        let rows = result.result.rows.map { row in [row.label] + row.layers.map { number($0.standardDeviation) } }
        return "\(result.study.title)\nstandard deviation of the activations per layer\n"
            + table(["weights"] + (1...layers).map { "layer \($0)" }, rows) + "\n"
    }

    private static func experiment(_ result: ExperimentResult) -> String {
        let e = result.experiment
        var out = "\(e.title)\n"
        // A run that can switch (SWATS, alone or wrapped) adds the step of its switch to SGD,
        // as the page's results table does.
        let hasSwitch = e.runs.contains { $0.optimizer.has(.switchesToSGD) }
        let rows = e.runs.indices.flatMap { r in
            e.starts.indices.map { s -> [String] in
                let summary = result.summaries[r][s]
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
        return out + table(headers, rows) + "\n"
    }

    private static func number(_ x: Double) -> String { NumberFormat.printf(x, .general, precision: 4) }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingWhitespaceString()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingWhitespaceString() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
