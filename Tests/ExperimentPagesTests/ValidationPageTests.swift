import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import NeuralNetworks
import Testing
@testable import ExperimentPages

/// A `Training` page with a validation set: a Validation column in the results, validation
/// panels in the accuracy figure, and runs ranked on validation; without one, neither.
@Suite struct ValidationPageTests {
    static func result(validation: Bool) throws -> TrainingStudyResult {
        var diagnostics: [Diagnostic] = []
        guard case .training(let study)? = DirectiveParser.parse("""
            Training("Moons") {
                Dataset(.moons(samples: 80, noise: 0.15), test: 0.25\(validation ? ", validation: 0.25" : ""))
                Network(hidden: [8, 8], activation: .tanh, initialization: .xavierNormal)
                BatchSize(16)
                Iterations(120)
                Seed(2)
                SGD(lr: 0.1)
                Adam(lr: 0.02)
            }
            """, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        return try #require(TrainingRunner.run(study, kernel: .portable).result)
    }

    /// The cells of the results table's rows, header first.
    static func resultRows(_ html: String) throws -> [[String]] {
        let start = try #require(html.range(of: "<table class=\"cg-results\">"))
        let end = try #require(html[start.upperBound...].range(of: "</table>"))
        let table = String(html[start.upperBound..<end.lowerBound])
        let cell = try NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        return table.components(separatedBy: "<tr>").dropFirst().map { row in
            let ns = row as NSString
            return cell.matches(in: row, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
        }
    }

    @Test func theResultsTableHasAValidationColumnOnlyWithAValidationSet() throws {
        let with = try Self.result(validation: true)
        let rows = try Self.resultRows(TrainingTables.results(with))
        #expect(rows[0] == ["Run", "final training loss", "training accuracy", "validation accuracy", "test accuracy", "diverged"])
        for (row, run) in zip(rows.dropFirst(), with.report.results) {
            #expect(row.count == 6)
            #expect(row[3] == TrainingTables.percent(run.validationAccuracy!) && row[4] == TrainingTables.percent(run.testAccuracy))
        }
        let plain = try Self.resultRows(TrainingTables.results(try Self.result(validation: false)))
        #expect(plain[0] == ["Run", "final training loss", "training accuracy", "test accuracy", "diverged"])
        #expect(plain.allSatisfy { $0.count == 5 })
    }

    @Test func theSetupCountsTheValidationSamples() throws {
        #expect(TrainingTables.setup(try Self.result(validation: true)).contains("40 training, 20 validation and 20 test samples"))
        #expect(TrainingTables.setup(try Self.result(validation: false)).contains("60 training and 20 test samples"))
    }

    @Test func theAccuracyFigureShowsValidationInPanelsOfItsOwn() throws {
        let with = try Self.result(validation: true)
        let html = TrainingPage.html(with, idPrefix: "v")
        // The validation panels come first, each named by its axis; the test panels keep theirs.
        let validation = try #require(html.range(of: ">validation accuracy (%)<"))
        let test = try #require(html.range(of: ">test accuracy (%)<"))
        #expect(validation.lowerBound < test.lowerBound)
        #expect(html.contains("Validation and test accuracy: Moons"))
        #expect(html.contains("Validation accuracy (upper panel), on which the runs are compared, and test accuracy (lower panel)")
                || html.contains("Validation accuracy (upper panels), on which the runs are compared, and test accuracy (lower panels)"))
        #expect(FigureWords.accuracy(evaluationInterval: 5, zoomed: false, validation: true, runs: 1)
                == "Validation accuracy (upper panel) and test accuracy (lower panel), measured every 5 iterations.")
        // The runs are ranked on validation accuracy, and the best one's test accuracy is its estimate.
        let best = with.report.results.max { $0.validationAccuracy! < $1.validationAccuracy! }!
        #expect(html.contains("\(best.label) reached the highest validation accuracy (\(TrainingTables.percent(best.validationAccuracy!)))"))
        #expect(html.contains("\(best.label)'s test accuracy is \(TrainingTables.percent(best.testAccuracy))."))

        let plain = TrainingPage.html(try Self.result(validation: false), idPrefix: "p")
        #expect(!plain.contains("validation"))
        #expect(plain.contains(">test accuracy (%)<") && plain.contains("reached the highest test accuracy"))
    }
}
