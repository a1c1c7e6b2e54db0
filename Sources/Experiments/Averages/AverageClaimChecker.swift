import CourseDiagnostics
import ExperimentLanguage

/// Decides whether each `Expect` of an `Average` builder holds, and reports a false one at
/// its own line with the two numbers that contradict it.
public enum AverageClaimChecker {
    public static func check(_ result: AverageResult) -> [Diagnostic] {
        result.study.expectations.compactMap { check($0, in: result) }
    }

    static func check(_ claim: AverageExpectation, in result: AverageResult) -> Diagnostic? {
        let (label, other) = claim.labels
        guard let mine = result.values(label), let theirs = result.values(other) else {
            return .error("claim is false: no average is labelled '\(label)' or '\(other)'", at: claim.location)
        }
        let window = claim.window
        let span = window == 1...result.study.samples ? "" : " over observations \(window.lowerBound)...\(window.upperBound)"
        let a: Double, b: Double, measure: String
        switch claim.kind {
        case .smootherThan:
            a = AverageMath.totalVariation(mine, over: window)
            b = AverageMath.totalVariation(theirs, over: window)
            measure = "smoother than"
        case .closerThan:
            a = AverageMath.rmsDistance(mine, result.signal, over: window)
            b = AverageMath.rmsDistance(theirs, result.signal, over: window)
            measure = "closer to the signal than"
        }
        if a < b { return nil }
        let what = claim.kind == .smootherThan(label: label, other: other) ? "total variation" : "RMS distance to the signal"
        return .error(
            "claim is false: '\(label)' is not \(measure) '\(other)'\(span): \(what) \(Format.number(a)) against \(Format.number(b))",
            at: claim.location, length: claim.call.utf8.count,
            hint: "change the averages, the series or the claim, so that the text says what the figure shows")
    }
}
