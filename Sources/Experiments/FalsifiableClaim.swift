import CourseDiagnostics
import ExperimentLanguage

/// An `Expect(…)` that a run can contradict. A false claim is an error under the whole call,
/// with the numbers that contradict it, so a chapter's prose never says more than its
/// figures show.
protocol FalsifiableClaim {
    var location: SourceLocation { get }
    /// The claim's source text, which the error underlines.
    var call: String { get }
    /// What the author can do about a false claim, unless the failure has a hint of its own.
    static var whenFalse: String { get }
}

extension FalsifiableClaim {
    /// The error that this claim is false because of `message`.
    func isFalse(_ message: String, hint: String? = nil) -> Diagnostic {
        .error("claim is false: \(message)", at: location, length: call.unicodeScalars.count, hint: hint ?? Self.whenFalse)
    }
}

extension Expectation {
    /// The error that this claim is false because of `message`; a claim about the evaluated
    /// point says so, since its numbers are x's, not the iterate's the figure's solid path shows.
    func isFalse(_ message: String, hint: String? = nil) -> Diagnostic {
        let subject = point == .evaluated ? "claim about the evaluated point x is false" : "claim is false"
        return .error("\(subject): \(message)", at: location, length: call.unicodeScalars.count, hint: hint ?? Self.whenFalse)
    }
}

extension Expectation: FalsifiableClaim {
    static let whenFalse = "change the experiment or the claim, so that the text says what the figure shows"
}

extension TrainingExpectation: FalsifiableClaim {
    static let whenFalse = "change the training or the claim, so that the text says what the figures show"
}

extension ActivationExpectation: FalsifiableClaim {
    static let whenFalse = "change the study or the claim, so that the text says what the histograms show"
}
