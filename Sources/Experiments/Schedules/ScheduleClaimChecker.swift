import CourseDiagnostics
import ExperimentLanguage

/// Decides whether each claim of a `Schedule` builder holds: its learning-rate claims, and
/// the experiment's claims about the runs on its objective.
public enum ScheduleClaimChecker {
    public static func check(_ result: ScheduleResult) -> [Diagnostic] {
        var diagnostics = result.study.expectations.compactMap { check($0, in: result) }
        if let problem = result.problem { diagnostics += ClaimChecker.check(problem) }
        // Both kinds of claim mix in the fence; report them in the order they are written.
        return diagnostics.sorted { a, b in
            (a.location?.line ?? 0, a.location?.column ?? 0) < (b.location?.line ?? 0, b.location?.column ?? 0)
        }
    }

    static func check(_ claim: ScheduleExpectation, in result: ScheduleResult) -> Diagnostic? {
        guard let rates = result.rates(claim.label), rates.indices.contains(claim.step) else {
            return .error("claim is false: no run is labelled '\(claim.label)'", at: claim.location)
        }
        let rate = rates[claim.step]
        if claim.holds(for: rate) { return nil }
        var message = "claim is false: the learning rate of '\(claim.label)' at step \(claim.step) is \(Format.number(rate)), "
        message += "not \(Format.number(claim.learningRate))"
        if let first = rates.firstIndex(where: claim.holds) { message += "; it is \(Format.number(claim.learningRate)) first at step \(first)" }
        return .error(message, at: claim.location, length: claim.call.utf8.count,
                      hint: "steps count from 0; the rate is compared within a relative \(Format.number(ScheduleExpectation.relativeTolerance))")
    }
}
