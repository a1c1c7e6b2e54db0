import CourseTestSupport
import Foundation
import Testing

/// The accepted extreme numbers through the real binary: each builds (exit 0) or
/// is an error at its line (exit 1), never a crash or a minutes-long loop.
@Suite(.serialized) struct ExtremeNumbersEndToEndTests {
    @Test(arguments: [(String, Int32, String)]([
        ("Schedule(\"s\") { Steps(3); SGD(lr: 1e-320) }", 0, ""),
        ("Experiment(\"e\") { Objective { x, y in 1e-310 * (x * x + y * y) }; Steps(3); SGD(lr: 0.1) }", 0, ""),
        ("Average(\"a\") { Series(.constant(1e308, noise: 1e308), samples: 50); ExponentialAverage(beta: 0.9) }", 0, ""),
        ("Experiment(\"e\") { Objective(.rosenbrock); Domain(x: -1e308...1e308, y: -1...1); Steps(3); SGD(lr: 0.001) }", 1,
         "chapters/01-t.md:4:53: error: the x range is too large to plot"),
        ("Experiment(\"e\") { Objective(.rosenbrock); Domain(x: -1...1, y: -1e-320...1e-320); Steps(3); SGD(lr: 0.001) }", 1,
         "chapters/01-t.md:4:64: error: the y range is too narrow to plot"),
    ]))
    func extremeNumbersBuildOrFailAtTheirLine(_ directive: String, _ status: Int32, _ error: String) throws {
        let folder = TemporaryFolder("coursegen-extreme")
        defer { folder.remove() }
        folder.write("chapters/01-t.md", "# T\n\n```experiment\n\(directive)\n```\n")
        let start = Date()
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix(error), "\(outcome.stderr)")
        if status == 0 { #expect(!(folder.read("site/t.html") ?? "nan").contains("nan")) }
    }
}
