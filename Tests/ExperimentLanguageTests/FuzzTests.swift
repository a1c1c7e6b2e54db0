import CourseDiagnostics
import Foundation
import Optimizers
import Testing
@testable import ExperimentLanguage

/// Random and mutated directives never crash or hang the checker, and every error points
/// inside the text.
struct FuzzTests {
    static let seeds: [String] = [
        """
        let lr = 0.1
        Experiment("Four optimizers") {
            Objective { x, y in x * x / 20 + y * y }
            Start(-7, 2)
            Steps(30)
            Domain(x: -10...10, y: -5...5)
            Layout(.grid)
            SGD(lr: 0.95)
            Adam(lr: 0.3, betas: (0.9, 0.999)).color(.purple).label("A")
            Expect("A", closerThan: "SGD")
        }
        """,
        """
        Experiment("b") {
            Objective(.rosenbrock(a: 1, b: 100)) /* a comment */
            Adam(lr: 1e-3).schedule(.warmup(steps: 10, startFactor: 0.01), then: .cosine(steps: 140))
            Lookahead(SGD(lr: 0.1), k: 5, alpha: 0.5)
            Expect("Adam", reaches: 1e-3, within: 90)
        }
        """,
        "Formulas(.sgd, .momentum, .adam)",
        """
        Experiment("c") {
            Objective { x in let s = sin(x) * exp(-x) ; return pow(s, 2) + abs(x) - min(x, 1) / max(2, x) }
            Start(1)
            Newton(lr: 1)
        }
        """,
        """
        Schedule("s") {
            Steps(200)
            SGD(lr: 0.1).schedule(.step(every: 50, gamma: 0.3)).label("step")
            SGD(lr: 0.1).schedule(.warmup(steps: 20, startFactor: 0.01), then: .cosine(steps: 180))
            Expect("step", learningRate: 0.03, atStep: 50)
        }
        """,
        """
        Average("a") {
            Series(.noisySine(period: 100, amplitude: 1, noise: 0.5), samples: 200)
            MovingAverage(window: 10)
            WeightedAverage(weights: [4, 3, 2, 1]).label("w")
            ExponentialAverage(beta: 0.9, biasCorrection: true).color(.red)
            Expect("w", closerThan: "β = 0.9, bias-corrected", over: 1...10)
        }
        """,
    ]

    static let fragments = [
        "(", ")", "{", "}", "[", "]", ",", ":", ";", ".", "...", "..<", "-", "+", "*", "/", "^", "=", " ", "\n", "\"", "\\",
        "x", "y", "in", "let", "1", "0.5", "1e-8", ".5", "1_000", "Adam", "SGD", "Objective", "Experiment", "Start", "Steps",
        "lr", "pow", ".pi", "$0", "//", "/*", "*/", "é", "−", "🙂", "\t", "true", "Expect", "label", "color",
        "Schedule", "Average", "Series", "over", "atStep", "[4, 3]", "beta",
    ]

    /// Inputs derived deterministically from the seeds: mutations and random fragment soups.
    static func inputs(count: Int) -> [String] {
        var rng = Xoshiro256StarStar(seed: 2024)
        var inputs: [String] = []
        for i in 0..<count {
            if i % 4 == 3 {
                inputs.append((0..<Int.random(in: 1...60, using: &rng)).map { _ in fragments.randomElement(using: &rng)! }.joined())
                continue
            }
            var characters = Array(seeds[i % seeds.count])
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !characters.isEmpty {
                let at = Int.random(in: 0..<characters.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: characters.remove(at: at)
                case 1: characters.insert(contentsOf: fragments.randomElement(using: &rng)!, at: at)
                case 2: characters.swapAt(at, Int.random(in: 0..<characters.count, using: &rng))
                default:
                    let end = min(characters.count, at + Int.random(in: 1...20, using: &rng))
                    characters.insert(contentsOf: characters[at..<end], at: at)
                }
            }
            inputs.append(String(characters))
        }
        inputs.append(String(repeating: "(", count: 5_000))
        inputs.append("Experiment(\"d\") { Objective { x, y in " + String(repeating: "x * ", count: 3_000) + "y } ; SGD() }")
        inputs.append("Experiment(\"d\") { Objective { x in " + (0..<200).map { "let a\($0) = \($0 == 0 ? "x" : "a\($0 - 1)") * a\($0 == 0 ? "x" : "\($0 - 1)")" }.joined(separator: "; ").replacingOccurrences(of: "ax", with: "x") + "; return a199 } ; SGD() }")
        inputs.append(String(repeating: "a", count: Limits.maximumSourceLength + 1))
        return inputs
    }

    /// Inputs the checker accepted, for the `swiftc -parse` test.
    static func acceptedSample() -> [String] {
        inputs(count: 400).filter { text in
            var diagnostics: [Diagnostic] = []
            return DirectiveParser.parse(text, origin: SourceOrigin(file: "f", line: 1), diagnostics: &diagnostics) != nil
        }
    }

    @Test
    func neverCrashesOrHangsAndErrorsPointInsideTheText() {
        let inputs = Self.inputs(count: 1_500)
        var accepted = 0
        for text in inputs {
            var diagnostics: [Diagnostic] = []
            let start = Date()
            let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "f.md", line: 1), diagnostics: &diagnostics)
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed < 2, "took \(elapsed) s on \(text.prefix(200))")
            if directive != nil { accepted += 1 }
            #expect((directive == nil) == diagnostics.containsErrors, "result and errors disagree on \(text.prefix(200))")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for diagnostic in diagnostics {
                guard let location = diagnostic.location else {
                    Issue.record("diagnostic without a position: \(diagnostic.message)")
                    continue
                }
                let lineOK = (1...lines.count).contains(location.line)
                let columnOK = lineOK && (1...(lines[location.line - 1].utf8.count + 1)).contains(location.column)
                #expect(lineOK && columnOK, "\(diagnostic) is outside the text: \(text.prefix(200))")
            }
        }
        // The seeds survive some mutations (inside comments, strings), so some inputs pass.
        #expect(accepted > 0)
    }
}
