import CourseDiagnostics
import ExperimentLanguage
import Experiments
import Optimizers
import Testing

private func result(_ text: String) throws -> ExperimentResult {
    var diagnostics: [Diagnostic] = []
    let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
    guard case .experiment(let experiment)? = directive else {
        Issue.record("did not parse: \(diagnostics)")
        throw CancellationError()
    }
    return ExperimentRunner.run(experiment)
}

private let bowl = """
    Experiment("Bowl") {
        Objective(.bowl)
        Start(-7, 2)
        Steps(30)
        SGD(lr: 0.95)
        Momentum(lr: 0.1)
        AdaGrad(lr: 1.5)
        Adam(lr: 0.3)
        SGD(lr: 2).label("SGD too large")
    %@
    }
    """

@Suite struct ClaimCheckerTests {
    private func claims(_ expects: String) throws -> [String] {
        let r = try result(bowl.replacingOccurrences(of: "%@", with: expects))
        return ExperimentRunner.check(r).map(\.description)
    }

    @Test func runsEveryCallAndStartInOrder() throws {
        let r = try result(bowl.replacingOccurrences(of: "%@", with: ""))
        #expect(r.trajectories.count == 5)
        #expect(r.trajectories.allSatisfy { $0.count == 1 })
        #expect(r.trajectories[0][0].point(0) == [-7, 2])
        #expect(r.trajectories[0][0].pointCount == 31)
        // SGD on x²/20 + y² with lr 0.95: x ← 0.905 x, y ← −0.9 y.
        #expect(abs(r.trajectories[0][0].point(1)[0] - (-6.335)) < 1e-12)
        #expect(abs(r.trajectories[0][0].point(1)[1] - (-1.8)) < 1e-12)
    }

    @Test func trueClaimsPass() throws {
        #expect(try claims("""
                Expect("Adam", closerThan: "SGD")
                Expect("SGD too large", diverges: true)
                Expect("SGD", diverges: false)
                Expect("Momentum", reaches: 1, within: 30)
            """) == [])
    }

    @Test func falseClaimsAreErrorsAtTheirLineWithTheNumbers() throws {
        let found = try claims("""
                Expect("SGD", closerThan: "Adam")
                Expect("SGD", diverges: true)
                Expect("SGD too large", diverges: false)
                Expect("SGD", reaches: 1e-9, within: 30)
            """)
        #expect(found.count == 4)
        #expect(found[0].hasPrefix("c.md:19:5: error: claim is false: 'SGD' is not closer than 'Adam': final distance to the nearest minimum"))
        #expect(found[1].hasPrefix("c.md:20:5: error: claim is false: 'SGD' does not diverge in 30 steps; it ends at f = "))
        #expect(found[2].hasPrefix("c.md:21:5: error: claim is false: 'SGD too large' diverges at step "))
        #expect(found[3].hasPrefix("c.md:22:5: error: claim is false: 'SGD' does not get within 1e-09 of f* by step 30: the smallest f − f* by then is "))
    }

    @Test func closenessIsInfiniteForDivergedRuns() throws {
        let r = try result(bowl.replacingOccurrences(of: "%@", with: ""))
        #expect(r.summaries[4][0].closeness == .infinity)
        #expect(r.summaries[3][0].closeness < 1)
    }

    @Test func aDivergedRunHasNoFinalDistanceAndIsNeverCloser() throws {
        let r = try result(bowl.replacingOccurrences(of: "%@", with: ""))
        let diverged = r.summaries[4][0]
        #expect(diverged.divergedAt != nil)
        // Its last recorded point and loss remain; a distance from that point would mean nothing.
        #expect(diverged.finalPoint != nil && diverged.finalLoss != nil)
        #expect(diverged.distanceToMinimum == nil)
        #expect(try #require(r.summaries[3][0].distanceToMinimum) < 1)
        let found = try claims(#"    Expect("SGD too large", closerThan: "Adam")"#)
        #expect(found.count == 1)
        #expect(found.first?.contains("final distance to the nearest minimum ∞ against ") == true)
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let long = """
            Experiment("Long") {
                Objective(.rosenbrock)
                Start(-1.5, 2)
                Start(0, 0)
                Steps(5000)
                Adam(lr: 0.01)
                SGD(lr: 0.001, momentum: 0.9)
            }
            """
        let a = try result(long)
        let b = try result(long)
        #expect(a.trajectories == b.trajectories)
    }
}
