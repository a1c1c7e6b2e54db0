import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Testing

/// `misses` and `endsNear` on Himmelblau's four minima, and `Sampling` through the runner.
@Suite struct EndpointClaimTests {
    private func claims(_ expects: String, starts: String = "Start(0, 0)\n    Start(-1, 1)") throws -> [String] {
        let text = """
            Experiment("Himmelblau") {
                Objective(.himmelblau)
                \(starts)
                Steps(200)
                SGD(lr: 0.01)
                Adam(lr: 0.1)
                SGD(lr: 0.0001).label("slow")
            \(expects)
            }
            """
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
        guard case .experiment(let experiment)? = directive else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        return ExperimentRunner.check(ExperimentRunner.run(experiment)).map(\.description)
    }

    @Test func trueClaimsPass() throws {
        #expect(try claims("""
                Expect("slow", misses: 1e-3)
                Expect("SGD", misses: 1e-6, within: 3)
                Expect("Adam", endsNear: (3, 2), within: 1e-3, start: 1)
                Expect("Adam", endsNear: (-2.805118, 3.131312), within: 1e-3, start: 2)
                Expect("SGD", endsNear: (3, 2), within: 0.01, start: 1)
            """) == [])
    }

    @Test func aOneStartClaimNeedsNoStartArgument() throws {
        #expect(try claims("    Expect(\"Adam\", endsNear: (3, 2), within: 1e-3)", starts: "Start(0, 0)") == [])
    }

    @Test func falseClaimsAreErrorsAtTheirLineWithTheNumbers() throws {
        let found = try claims("""
                Expect("SGD", misses: 1e-3)
                Expect("Adam", endsNear: (3, 2), within: 0.1)
                Expect("Adam", endsNear: (3, 2), within: 0.1, start: 2)
                Expect("slow", endsNear: (3, 2), within: 0.1, start: 1)
            """)
        #expect(found.count == 4, "\(found)")
        guard found.count == 4 else { return }
        #expect(found[0].hasPrefix("c.md:18:5: error: claim is false: 'SGD' from start (0, 0) gets within 0.001 of f* at step "), "\(found[0])")
        #expect(found[1].hasPrefix("c.md:19:5: error: claim is false: 'Adam' from start (-1, 1) ends at (-2.805, 3.131), at distance 5."), "\(found[1])")
        #expect(found[1].hasSuffix("from (3, 2), more than 0.1"), "\(found[1])")
        #expect(found[2].hasPrefix("c.md:20:5: error: claim is false: 'Adam' from start (-1, 1) ends at (-2.805, 3.131)"), "\(found[2])")
        #expect(found[3].hasPrefix("c.md:21:5: error: claim is false: 'slow' from start (0, 0) ends at ("), "\(found[3])")
    }

    @Test func divergedRunsEndNearNothing() throws {
        // From (20, 20) the gradient is about (3.3e4, 3.5e4): SGD with lr 0.01 jumps to about (−307, −326), where
        // the quartic makes every step larger than the last.
        let found = try claims("    Expect(\"SGD\", endsNear: (3, 2), within: 1e3)", starts: "Start(20, 20)")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("c.md:17:5: error: claim is false: 'SGD' diverges at step ") == true, "\(found)")
        #expect(found.first?.contains(", so it ends near no point") == true, "\(found)")
    }

    @Test func experimentClaimsOfTheChaptersAndTheReferenceHold() throws {
        var checked = 0
        for fence in try ChapterFences.all() + ChapterFences.referenceExamples() where fence.text.contains("Experiment(") {
            var diagnostics: [Diagnostic] = []
            let origin = SourceOrigin(file: fence.file, line: fence.line, columnOffset: fence.indent)
            guard case .experiment(let experiment)? = DirectiveParser.parse(fence.text, origin: origin, diagnostics: &diagnostics) else { continue }
            // Through the directive's own run, so that a sweep's claims are checked on every variant.
            diagnostics += DirectiveRunner.run(.experiment(experiment)).diagnostics
            checked += experiment.expectations.count
            #expect(diagnostics.isEmpty, "\(fence): \(diagnostics.map(\.description))")
        }
        #expect(checked >= 20, "the chapters and the reference claim \(checked) things about experiments")
    }
}
