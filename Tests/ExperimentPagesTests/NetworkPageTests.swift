import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import NeuralNetworks
import Testing
@testable import ExperimentPages

/// The `Training` and `Activations` fragments: golden files (portable kernel, so the same
/// bytes everywhere) and what a reader needs from them.
@Suite struct NetworkPageTests {
    static func parse(_ text: String) -> Directive? {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return directive
    }

    static func moons() throws -> TrainingStudyResult {
        guard case .training(let study)? = parse("""
            Training("Moons") {
                Dataset(.moons(samples: 80, noise: 0.15), test: 0.25)
                Network(hidden: [8, 8], activation: .tanh, initialization: .xavierNormal, dropout: 0.1)
                L2(0.001)
                BatchSize(16)
                Iterations(120)
                Seed(2)
                SGD(lr: 0.1)
                Adam(lr: 0.02).label("Adam, η = 0.02")
            }
            """) else { throw CancellationError() }
        return try #require(TrainingRunner.run(study, kernel: .portable).result)
    }

    @Test func trainingFragment() throws {
        let html = TrainingPage.html(try Self.moons(), idPrefix: "t1")
        try GoldenFile.check(html, named: "training-moons.html")
        // Loss curves, accuracy, decision regions: three figures, each named and described, each
        // drawn wide and narrow.
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cg-plot\" ").count - 1 == 3)
        #expect(html.components(separatedBy: "class=\"cg-plot cg-plot-narrow\"").count - 1 == 3)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == 6)
        for id in ["t1-l-title", "t1-a-title", "t1-d-title", "t1-l-desc"] { #expect(html.contains("id=\"\(id)\"")) }
        #expect(html.contains("<details class=\"cg-source\">"))
        #expect(html.contains("<math") && html.contains("Xavier (Glorot) normal"))
        #expect(html.contains("dropout 0.1") && html.contains("λ = 0.001"))
        #expect(html.contains("<th scope=\"row\">Adam, η = 0.02</th>"))
        // The faint raw losses come before the smoothed lines.
        let faint = try #require(html.range(of: "stroke-opacity=\".28\""))
        let solid = try #require(html.range(of: "<g fill=\"none\" stroke-width=\"1.5\""))
        #expect(faint.lowerBound < solid.lowerBound)
        // No timing of any kind: pages are the same bytes on every build.
        #expect(!html.contains(" ms") && !html.contains("seconds"))
    }

    @Test func digitsHaveNoDecisionRegions() throws {
        guard case .training(let study)? = Self.parse("""
            Training("Digits, briefly") {
                Dataset(.digits, test: 0.2)
                Network(hidden: [10])
                BatchSize(32)
                Iterations(5)
                Adam(lr: 0.001)
            }
            """) else { throw CancellationError() }
        let result = try #require(TrainingRunner.run(study, kernel: .portable).result)
        let html = TrainingPage.html(result, idPrefix: "d")
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2 * 2, "two figures, each drawn wide and narrow")
        #expect(html.contains("1,437 training and 360 test samples"))
        #expect(html.contains("64 inputs → 10 ReLU → 10 softmax outputs, 760 parameters"))
        #expect(html.contains("Alpaydin"))
    }

    @Test func activationsFragment() throws {
        guard case .activations(let study)? = Self.parse("""
            Activations("Sigmoid, three ways") {
                Network(layers: 3, units: 20, activation: .sigmoid)
                Inputs(200)
                Histogram(bins: 10)
                Weights(.normal(std: 1)).label("N(0, 1)")
                Weights(.xavierNormal)
            }
            """) else { throw CancellationError() }
        let result = try #require(ActivationsRunner.run(study, kernel: .portable).result)
        let html = ActivationsPage.html(result, idPrefix: "a1")
        try GoldenFile.check(html, named: "activations.html")
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2 * 2, "one figure per row, drawn wide and narrow")
        #expect(html.contains("<th scope=\"row\">xavierNormal</th>"))
        #expect(html.contains("<th scope=\"col\">layer 3</th>"))
    }

    @Test func smoothingIsABiasCorrectedAverage() {
        let smoothed = TrainingFigures.smoothed([4, 4, 4, .nan, 4], beta: 0.9)
        #expect(smoothed.count == 3, "stops at the first non-finite value")
        #expect(smoothed.allSatisfy { abs($0 - 4) <= 1e-12 }, "a constant series stays constant: \(smoothed)")
        #expect(TrainingFigures.smoothing(iterations: 2000) == 0.98)
        #expect(TrainingFigures.smoothing(iterations: 10) == 0)
    }
}
