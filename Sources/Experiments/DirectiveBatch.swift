import CourseDiagnostics
import ExperimentLanguage
import Optimizers

/// The text of one directive fence and where it sits in its file.
public struct DirectiveSource: Sendable {
    public var text: String
    public var origin: SourceOrigin

    public init(text: String, origin: SourceOrigin) {
        self.text = text
        self.origin = origin
    }
}

/// What `coursegen run` does with a file's fences: parse and check each, run the
/// experiments, check their claims, and collect every diagnostic.
public enum DirectiveBatch {
    /// The outputs of the fences that checked, in order, and every diagnostic. When any
    /// diagnostic is an error, the caller prints them and exits 1 without the JSON.
    public static func run(_ sources: [DirectiveSource]) -> (outputs: [RunOutput], diagnostics: [Diagnostic]) {
        var outputs: [RunOutput] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            guard let directive = DirectiveParser.parse(source.text, origin: source.origin, diagnostics: &diagnostics) else {
                continue
            }
            switch directive {
            case .experiment(let experiment):
                let result = ExperimentRunner.run(experiment)
                diagnostics += ClaimChecker.check(result)
                outputs.append(.experiment(result))
            case .formulas(let table):
                outputs.append(.formulas(table))
            case .schedule(let study):
                diagnostics += checkSchedule(study)
                let problem = study.problem.map(ExperimentRunner.run)
                if let problem { diagnostics += ClaimChecker.check(problem) }
                outputs.append(.schedule(study, problem: problem))
            case .average(let study):
                outputs.append(.average(study))
            }
        }
        return (outputs, diagnostics)
    }

    /// The learning rate of each of the first `steps` optimizer steps of `run`: its schedule's
    /// rates from the method's η, or η throughout when it has none.
    public static func learningRates(of run: RunDescription, steps: Int) -> [Double] {
        let base = Optimizer(run.optimizer, dimension: 1)?.baseLearningRate ?? run.optimizer.values["lr"]?.real ?? 0
        guard let schedule = run.schedule else { return Array(repeating: base, count: max(0, steps)) }
        return schedule.learningRates(base: base, count: steps)
    }

    /// The `Expect(_:learningRate:atStep:)` claims of a schedule study that are false.
    static func checkSchedule(_ study: ScheduleStudy) -> [Diagnostic] {
        study.expectations.compactMap { claim in
            guard let run = study.runs.first(where: { $0.label == claim.label }) else {
                return .error("claim is false: no run is labelled '\(claim.label)'", at: claim.location,
                              length: claim.call.utf8.count)
            }
            let rates = learningRates(of: run, steps: claim.step + 1)
            guard let rate = rates.last, claim.step >= 0 else { return nil }
            if claim.holds(for: rate) { return nil }
            return .error(
                "claim is false: '\(claim.label)' has learning rate \(rate) at step \(claim.step), not \(claim.learningRate)",
                at: claim.location, length: claim.call.utf8.count,
                hint: "change the schedule or the claim, so that the text says what the figure shows")
        }
    }
}
