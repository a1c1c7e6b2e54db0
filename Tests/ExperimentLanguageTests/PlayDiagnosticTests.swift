import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// `Play(seconds:)`: what it reads, and every kind of bad value at the marked position.
struct PlayDiagnosticTests {
    static let cases: [DiagnosticTests.Case] = [
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play(seconds: 1️⃣0)
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "the duration must be above 0 and at most 600 seconds, not 0")]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play(seconds: 1️⃣-2)
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "the duration must be above 0 and at most 600 seconds, not -2")]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play(seconds: 1️⃣1e4)
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "the duration must be above 0 and at most 600 seconds, not 10000")]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play(seconds: 1️⃣"8")
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "the duration must be a number")]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play(1️⃣fps: 30)
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "'Play' has no argument 'fps'")]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play(1️⃣8)
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "missing argument label 'seconds:'")]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Play()
            1️⃣Play(seconds: 3)
            Adam(lr: 0.1)
        }
        """, expected: [("1️⃣", "duplicate 'Play'")]),
        .init(source: """
        Schedule("t") {
            Steps(10)
            1️⃣Play()
            SGD(lr: 0.1).schedule(.cosine(steps: 10))
        }
        """, expected: [("1️⃣", "Play")]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test func aBadDurationIsPrintedWithCaretAndHint() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    Steps(40)\n    Play(seconds: -2)\n    Adam(lr: 0.1)\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/02-momentum.md", line: 11), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 10) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/02-momentum.md:14:19: error: the duration must be above 0 and at most 600 seconds, not -2
                Play(seconds: -2)
                              ^~
        hint: write 'Play(seconds: 8)', or 'Play()' for 8 seconds at 40 steps
        """), "\(printed)")
    }

    static func experiment(_ play: String, steps: Int = 40) throws -> Experiment {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    Steps(\(steps))\n    \(play)\n    Adam(lr: 0.1)\n}"
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "x.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        guard case .experiment(let experiment)? = directive else { throw PlayError.notAnExperiment }
        return experiment
    }

    enum PlayError: Error { case notAnExperiment }

    @Test func readsTheDurationOrItsDefault() throws {
        #expect(try Self.experiment("// no Play").playback == nil)
        #expect(try Self.experiment("Play(seconds: 2.5)").playback == Playback(seconds: 2.5))
        #expect(try Self.experiment("Play(seconds: 600)").playback == Playback(seconds: 600))
        // Five steps a second, within 4 to 12 seconds.
        #expect(try Self.experiment("Play()", steps: 40).playback == Playback(seconds: 8))
        #expect(try Self.experiment("Play()", steps: 5).playback == Playback(seconds: 4))
        #expect(try Self.experiment("Play()", steps: 5000).playback == Playback(seconds: 12))
    }
}
