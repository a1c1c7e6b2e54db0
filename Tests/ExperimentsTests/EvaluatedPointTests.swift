import CourseDiagnostics
import Foundation
import ExperimentLanguage
import Experiments
import Optimizers
import Testing

/// Claims, quoted numbers and `run --json` about a schedule-free run's evaluated point x, beside
/// its iterate y. On this tilted bowl, from (−4, 2), x and y end at different places, with
/// f(x) < f(y) after 30 steps.
@Suite struct EvaluatedPointTests {
    static func experiment(_ expects: String = "") throws -> Experiment {
        let text = """
            Experiment("Tilted bowl") {
                Objective { x, y in x * x + 3 * y * y + x * y }
                Minimum(0, 0)
                Start(-4, 2)
                Steps(30)
                SGD(lr: 0.075)
                ScheduleFreeSGD(lr: 0.3).label("SF")
            \(expects)
            }
            """
        var diagnostics: [Diagnostic] = []
        guard case .experiment(let experiment)? = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
        else {
            Issue.record("did not parse: \(diagnostics.map(\.message))")
            throw CancellationError()
        }
        return experiment
    }

    static func claims(_ expects: String) throws -> [String] {
        ExperimentRunner.check(ExperimentRunner.run(try experiment(expects))).map(\.message)
    }

    static let result = try! ExperimentRunner.run(experiment())
    static var sf: Trajectory { result.trajectories[1][0] }

    @Test func theRunRecordsTwoDifferentPoints() {
        #expect(Self.sf.hasEvaluationPoints)
        #expect(Self.sf.atEvaluationPoints.finalPoint != Self.sf.finalPoint)
        #expect(Self.sf.atEvaluationPoints.losses.last! < Self.sf.losses.last!)
        #expect(!Self.result.trajectories[0][0].hasEvaluationPoints)
    }

    /// A claim reads x with `point: .evaluated` and y without: each is true of one point only.
    @Test func claimsReadTheChosenPoint() throws {
        let x = Self.sf.atEvaluationPoints.finalPoint, y = Self.sf.finalPoint
        let fx = Self.sf.atEvaluationPoints.losses.last!, fy = Self.sf.losses.last!
        let between = (fx + fy) / 2
        func near(_ p: [Double]) -> String { "(\(p[0]), \(p[1]))" }
        #expect(try Self.claims("""
                Expect("SF", endsNear: \(near(x)), within: 1e-9, point: .evaluated)
                Expect("SF", endsNear: \(near(y)), within: 1e-9)
                Expect("SF", endsNear: \(near(y)), within: 1e-9, point: .iterate)
                Expect("SF", loss: .below(\(between)), at: 30, point: .evaluated)
                Expect("SF", loss: .above(\(between)), at: 30)
            """) == [])
        let failures = try Self.claims("""
                Expect("SF", endsNear: \(near(y)), within: 1e-9, point: .evaluated)
                Expect("SF", loss: .below(\(between)), at: 30)
            """)
        #expect(failures.count == 2)
        #expect(failures.first?.hasPrefix("claim about the evaluated point x is false: 'SF' ends at") == true, "\(failures)")
        #expect(failures.last?.hasPrefix("claim is false: 'SF's loss") == true, "\(failures)")
    }

    /// In a comparison with `point: .evaluated`, a run without an average is read at its iterate.
    @Test func comparisonsReadEachRunAtItsEvaluatedPoint() throws {
        let sgd = Self.result.trajectories[0][0].losses.last!
        let fx = Self.sf.atEvaluationPoints.losses.last!, fy = Self.sf.losses.last!
        // SGD ends between f(x) and f(y) here, so the claim flips with the point.
        try #require(fx < sgd && sgd < fy, "f(x) = \(fx), SGD \(sgd), f(y) = \(fy)")
        #expect(try Self.claims("Expect(\"SF\", lowerLossThan: \"SGD\", point: .evaluated)") == [])
        #expect(try Self.claims("Expect(\"SF\", lowerLossThan: \"SGD\")").count == 1)
    }

    static func resolve(_ text: String) -> Result<String, Diagnostic> {
        var diagnostics: [Diagnostic] = []
        guard let reference = ResultReference.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            return .failure(diagnostics[0])
        }
        return ResultReferenceResolver.resolve(reference, in: [result])
    }

    /// The number a reference writes, to its six significant digits.
    static func quoted(_ text: String) throws -> Double {
        let string = try resolve(text).get().replacingOccurrences(of: "−", with: "-")
        return try #require(Double(string), "\(string) is not a number")
    }

    static func sixDigits(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 5e-6 * abs(b) }

    @Test func resultReferencesQuoteEitherPoint() throws {
        let evaluated = Self.sf.atEvaluationPoints
        let x = evaluated.finalPoint
        #expect(Self.sixDigits(try Self.quoted("=Result(\"SF\", .finalLoss, significant: 6, point: .evaluated)"), evaluated.losses.last!))
        #expect(Self.sixDigits(try Self.quoted("=Result(\"SF\", .finalLoss, significant: 6)"), Self.sf.losses.last!))
        #expect(Self.sixDigits(try Self.quoted("=Result(\"SF\", .finalX, significant: 6, point: .evaluated)"), x[0]))
        #expect(Self.sixDigits(try Self.quoted("=Result(\"SF\", .finalY, significant: 6, point: .iterate)"), Self.sf.finalPoint[1]))
        #expect(Self.sixDigits(
            try Self.quoted("=Result(\"SF\", .finalDistance, significant: 6, point: .evaluated)"), (x[0] * x[0] + x[1] * x[1]).squareRoot()))
        #expect(Self.sixDigits(try Self.quoted("=Result(\"SF\", .lossAt(10), significant: 6, point: .evaluated)"), evaluated.losses[10]))
        #expect(!Self.sixDigits(evaluated.losses[10], Self.sf.losses[10]), "x and y differ after ten steps")
    }

    @Test func badResultReferencesSayWhy() {
        func message(_ text: String) -> String? {
            if case .failure(let diagnostic) = Self.resolve(text) { return diagnostic.message }
            return nil
        }
        #expect(message("=Result(\"SGD\", .finalLoss, significant: 3, point: .evaluated)")
                == "'SGD' runs SGD, evaluated where it steps: there is no other point than the iterate")
        #expect(message("=Result(\"SF\", .learningRateAt(3), significant: 3, point: .evaluated)")?
            .hasPrefix("'.learningRateAt(3)' is the run's, the same at its iterate and its evaluated point") == true)
    }

    @Test func runJSONHasXBesideY() throws {
        let json = RunJSON.encode([Self.result])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let runs = try #require(((object["experiments"] as? [[String: Any]])?.first?["runs"]) as? [[String: Any]])
        #expect(runs[0]["evaluatedTrajectory"] == nil && runs[0]["evaluatedLoss"] == nil)
        let points = try #require(runs[1]["evaluatedTrajectory"] as? [[Double]])
        let losses = try #require(runs[1]["evaluatedLoss"] as? [Double])
        #expect(points.count == 31 && losses.count == 31)
        // JSON numbers round-trip through Foundation's parser to within a unit or two in the last place.
        func same(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) } }
        #expect(same(points.last ?? [], Self.sf.atEvaluationPoints.finalPoint))
        #expect(same(losses, Self.sf.evaluationLosses))
    }
}
