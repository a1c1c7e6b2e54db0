import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Testing

/// The claims of the `Schedule` and `Average` fences of the chapters and of the language
/// reference hold, as the build requires.
@Suite struct ChapterClaimTests {
    @Test func scheduleAndAverageClaimsHold() throws {
        var checked = 0
        for fence in try ChapterFences.all() + ChapterFences.referenceExamples() where fence.text.contains("Schedule(") || fence.text.contains("Average(") {
            var diagnostics: [Diagnostic] = []
            let origin = SourceOrigin(file: fence.file, line: fence.line, columnOffset: fence.indent)
            switch DirectiveParser.parse(fence.text, origin: origin, diagnostics: &diagnostics) {
            case .schedule(let study)?:
                diagnostics += ScheduleRunner.check(ScheduleRunner.run(study))
                checked += study.expectations.count + (study.problem?.expectations.count ?? 0)
            case .average(let study)?:
                diagnostics += AverageRunner.check(AverageRunner.run(study))
                checked += study.expectations.count
            default:
                break
            }
            #expect(diagnostics.isEmpty, "\(fence): \(diagnostics.map(\.description))")
        }
        #expect(checked >= 10, "the chapters claim \(checked) things about schedules and averages")
    }
}
