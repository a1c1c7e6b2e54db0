import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Every ```experiment fence of every chapter checks without errors and is valid Swift, so a
/// chapter cannot ship a directive that the build or an editor would reject.
struct ChapterFenceTests {
    @Test
    func theChaptersHaveFencesOfEveryBuilder() throws {
        let fences = try ChapterFences.all()
        #expect(fences.count >= 18, "nine chapters with at least two experiments each; found \(fences.count) fences")
        for builder in ["Experiment(", "Schedule(", "Average("] {
            #expect(fences.contains { $0.text.contains(builder) }, "no chapter uses \(builder)")
        }
    }

    @Test
    func everyChapterFenceChecksCleanly() throws {
        for fence in try ChapterFences.all() {
            var diagnostics: [Diagnostic] = []
            let origin = SourceOrigin(file: fence.file, line: fence.line, columnOffset: fence.indent)
            let directive = DirectiveParser.parse(fence.text, origin: origin, diagnostics: &diagnostics)
            #expect(directive != nil && diagnostics.isEmpty,
                    "\(fence): \(diagnostics.map { "\($0.location?.description ?? "-"): \($0.message)" })")
        }
    }

    @Test(.enabled(if: SwiftSyntaxValidator.isAvailable, "swiftc is not installed at /opt/swift/usr/bin"))
    func everyChapterFenceIsValidSwift() throws {
        let fences = try ChapterFences.all()
        let rejected = try SwiftSyntaxValidator.rejected(fences.map(\.text))
        #expect(rejected.isEmpty, "swiftc -parse rejects: \(rejected.map { "\($0.message)\n\($0.index >= 0 ? fences[$0.index].description : "")" })")
    }

    @Test
    func fencesAreFoundWithTheirLinesAndIndentation() {
        let text = """
            # T

            ```experiment
            Formulas(.sgd)
            ```

            ````markdown
            ```experiment
            Formulas(.nesterov)
            ```
            ````

            1. Item

               ```experiment
               Formulas(.adam)
               ```
            """
        let fences = ChapterFences.fences(in: text, file: "x.md")
        #expect(fences.map(\.text) == ["Formulas(.sgd)", "Formulas(.adam)"])
        #expect(fences.first?.line == 4)
        #expect(fences.last?.line == 16 && fences.last?.indent == 3)
    }
}
