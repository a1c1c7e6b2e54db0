import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import Testing

/// Every claim of the course's `Experiment` fences checks something: replaced by its
/// opposite, it fails at its own line. A claim that also held when flipped would prove nothing.
@Suite struct FlippedClaimTests {
    /// A claim's line with its quantity replaced by the opposite, or `nil` when it has none
    /// (`endsNear` has no single opposite).
    static func flipped(_ line: String) -> String? {
        func swapLabels(_ form: String) -> String? {
            // The labels only: a window (`over: 1...300`) or `start:` after them stays.
            let pattern = #"Expect\("([^"]+)", \#(form): "([^"]+)""#
            guard let match = line.range(of: pattern, options: .regularExpression) else { return nil }
            let parts = line[match].split(separator: "\"", omittingEmptySubsequences: false)
            return line.replacingCharacters(in: match, with: "Expect(\"\(parts[3])\", \(form): \"\(parts[1])\"")
        }
        for form in ["lowerLossThan", "closerThan"] where line.contains(form + ":") { return swapLabels(form) }
        // A rate near r within d: claimed three d away instead.
        if let match = line.range(of: #"\.near\(([^,]+), within: ([^)]+)\)"#, options: .regularExpression) {
            let numbers = line[match].dropFirst(".near(".count).dropLast().components(separatedBy: ", within: ")
            guard let rate = Double(numbers[0]), let within = Double(numbers[1]) else { return nil }
            return line.replacingCharacters(in: match, with: ".near(\(rate + 3 * within), within: \(numbers[1]))")
        }
        let swaps = [(".below(", ".above("), (".above(", ".below("), (".increasing", ".decreasing"), (".decreasing", ".increasing"),
                     ("diverges: true", "diverges: false"), ("diverges: false", "diverges: true"),
                     ("reaches:", "misses:"), ("misses:", "reaches:")]
        for (from, to) in swaps where line.contains(from) {
            return line.replacingOccurrences(of: from, with: to)
        }
        return nil
    }

    struct Case: CustomStringConvertible, Sendable {
        var fence: ChapterFences.Fence
        /// The claim's 0-based line in the fence.
        var index: Int
        var flipped: String
        var line: Int { fence.line + index }
        var description: String { "\(fence.file):\(line): \(flipped.trimmingCharacters(in: .whitespaces))" }
    }

    /// Every flippable claim of the chapters' `Experiment` fences (they run in well under a second each).
    static func cases() throws -> [Case] {
        try ChapterFences.all().filter { $0.text.contains("Experiment(") }.flatMap { fence in
            fence.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                guard line.contains("Expect("), let flipped = flipped(String(line)) else { return nil }
                return Case(fence: fence, index: index, flipped: flipped)
            }
        }
    }

    static func diagnostics(_ text: String, _ fence: ChapterFences.Fence) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let origin = SourceOrigin(file: fence.file, line: fence.line, columnOffset: fence.indent)
        guard case .experiment(let experiment)? = DirectiveParser.parse(text, origin: origin, diagnostics: &diagnostics) else {
            return diagnostics
        }
        // A swept experiment's claims are checked in every variant, each as its `variants:` says.
        if experiment.sweep != nil { return diagnostics + SweepRunner.check(SweepRunner.run(experiment, cache: nil)) }
        return diagnostics + ExperimentRunner.check(ExperimentRunner.run(experiment))
    }

    @Test func theSampleIsLarge() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 60, "only \(cases.count) claims can be flipped")
        #expect(Set(cases.map(\.fence.file)).count >= 8)
    }

    @Test(arguments: try cases())
    func flippedClaimFailsAtItsLine(_ claim: Case) {
        var lines = claim.fence.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[claim.index] = claim.flipped
        let errors = Self.diagnostics(lines.joined(separator: "\n"), claim.fence).filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [claim.line], "\(claim): \(errors.map(\.description))")
    }
}

/// Each new claim's failure quotes the numbers on both sides.
@Suite struct SeriesClaimMessageTests {
    static func errors(_ claims: String) -> [String] {
        let text = """
            Experiment("t") {
                Objective(.rosenbrock)
                Steps(100)
                Adam(lr: 0.1)
                SGD(lr: 0.001)
                \(claims)
            }
            """
        var diagnostics: [Diagnostic] = []
        guard case .experiment(let experiment)? = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics)
        else { return diagnostics.map(\.message) }
        return ExperimentRunner.check(ExperimentRunner.run(experiment)).map(\.message)
    }

    @Test func windowAndRateFailuresQuoteTheirNumbers() {
        #expect(Self.errors("""
            Expect("SGD", lowerLossThan: "Adam", over: 1...100)
                Expect("Adam", lowerLossThan: "SGD", over: 0...100)
                Expect("Adam", lowerLossThan: "SGD", at: 1)
                Expect("SGD", lowerLossThan: "Adam", over: 1...100, start: 1)
                Expect("Adam", effectiveLearningRate: .decreasing, over: 1...100)
                Expect("Adam", effectiveLearningRate: .below(0.001), at: 10)
            """) == [
            "claim is false: 'SGD's loss 4.058 at step 21 is not lower than 'Adam's 4.035 (claimed over steps 1...100)",
            "claim is false: 'Adam's loss 24.2 at step 0 is not lower than 'SGD's 24.2 (claimed over steps 0...100)",
            "claim is false: 'Adam's loss 5.62 at step 1 is not lower than 'SGD's 5.353",
            "claim is false: 'SGD's loss 4.058 at step 21 is not lower than 'Adam's 4.035 (claimed over steps 1...100)",
            "claim is false: 'Adam's effective learning rate in x rises from 0.0004638 at step 1 to 0.0006374 at step 2, so it is not decreasing over steps 1...100",
            "claim is false: 'Adam's effective learning rate in x is 0.001032 at step 10, not below 0.001",
        ])
    }

    @Test func trueWindowAndRateClaimsPass() {
        #expect(Self.errors("""
            Expect("Adam", lowerLossThan: "SGD", over: 40...100)
                Expect("Adam", lowerLossThan: "SGD", at: 100, start: 1)
                Expect("Adam", effectiveLearningRate: .above(0))
                Expect("Adam", effectiveLearningRate: .increasing, over: 5...100)
            """) == [])
    }

    @Test func theFlipSwapsLabelsAndKeepsTheWindow() {
        #expect(FlippedClaimTests.flipped(#"    Expect("Adam + L2", lowerLossThan: "AdamW", over: 2...300)"#)
                == #"    Expect("AdamW", lowerLossThan: "Adam + L2", over: 2...300)"#)
        #expect(FlippedClaimTests.flipped(#"Expect("AMSGrad", effectiveLearningRate: .increasing, over: 5...1000)"#)
                == #"Expect("AMSGrad", effectiveLearningRate: .decreasing, over: 5...1000)"#)
    }

    @Test func failuresQuoteBothSides() {
        #expect(Self.errors("""
            Expect("SGD", lowerLossThan: "Adam")
                Expect("Adam", loss: .below(1e-3), at: 50)
                Expect("Adam", loss: .decreasing)
                Expect("SGD", stepSize: .decreasing)
            """) == [
            "claim is false: 'SGD's final loss 3.802 is not lower than 'Adam's 2.986",
            "claim is false: 'Adam's loss is 3.726 at step 50, not below 0.001",
            "claim is false: 'Adam's loss rises from 5.62 at step 1 to 6.267 at step 2, so it is not decreasing over steps 0...100",
            "claim is false: 'SGD's step size rises from 0.0017747 at step 4 to 0.001775 at step 5, so it is not decreasing over steps 1...100",
        ])
    }
}
