import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// The pipeline's fuzz suite in process (issue 11): many generated courses through the
/// whole build (front matter, Markdown, links, directives, pages). Properties: no crash;
/// every error and warning has a line and column; a successful build's pages hold no
/// script, no script URL, no repeated id, no file from outside the chapters folder.
///
/// Seeded (`FUZZ_SEED` replaces the base seed) and bounded in time; prints its rounds and
/// time for CI's log. ``BinaryFuzzTests`` runs a share of such courses through the binary.
@Suite struct PipelineFuzzTests {
    @Test func generatedCoursesKeepEveryPromise() {
        let base = ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_0011
        var slowest = (seconds: 0.0, seed: base)
        var failures = 0
        var built = 0
        let run = CourseFuzz.timed(rounds: 400, seconds: 20) { round in
            guard failures < 5 else { return }
            let seed = base &+ UInt64(round)
            let folder = TemporaryFolder("coursegen-fuzz")
            defer { folder.remove() }
            CourseFuzz.write(CourseFuzz.course(seed: seed), into: folder)
            let chapters = folder.path + "/chapters"
            let start = DispatchTime.now().uptimeNanoseconds
            let result = SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters)).build()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if seconds > slowest.seconds { slowest = (seconds, seed) }
            var problems = result.diagnostics.filter { $0.severity != .note && ($0.location?.line ?? 0) < 1 }.map { "unlocated: \($0)" }
            if !result.diagnostics.containsErrors {
                built += 1
                problems += CourseFuzz.outputProblems(result.files)
            }
            if !problems.isEmpty { failures += 1 }
            #expect(problems == [], "round \(round), seed \(seed) (CourseFuzz.course(seed: \(seed))): \(problems)")
        }
        print("fuzz: in-process pipeline: \(run.rounds) rounds (\(built) built a site) in \(String(format: "%.1f", run.seconds)) s (base seed \(base); slowest \(String(format: "%.2f", slowest.seconds)) s, seed \(slowest.seed))")
        #expect(run.rounds >= 20)
        #expect(built * 4 >= run.rounds, "too few rounds build a site for the page properties to be checked")
    }
}

/// The fuzz suite's oracle finds what it looks for, so a quiet run means something.
@Suite struct FuzzOracleTests {
    @Test func outputProblemsFindsScriptIdsAndTheSecret() {
        let page = """
            <p><a href="java&#115;cript:alert(1)">a</a> <img src=" JAVASCRIPT:x"> <a href='data:text/html,x'>d</a>
            <use href="#ok"/><div id="x"></div><h2 id="x">t</h2><script>alert(1)</script><b onclick="f()">b</b>
            <a href="https://example.org/javascript:x">fine</a> <a href="img/a.png">fine</a> &lt;script&gt;</p>
            """
        let problems = CourseFuzz.outputProblems([("a.html", Array(page.utf8)), ("img/s.png", Array(CourseFuzz.secret.utf8)),
                                                  ("../x", [])])
        #expect(problems == [
            "a.html: a <script> tag",
            "a.html: href=\"javascript:alert(1)\" (scheme 'javascript')",
            "a.html: src=\" JAVASCRIPT:x\" (scheme 'javascript')",
            "a.html: href=\"data:text/html,x\" (scheme 'data')",
            "a.html: an event handler onclick=\"f()\"",
            "a.html repeats ids [\"x\"]",
            "img/s.png publishes the secret",
            "../x lies outside the site",
        ])
    }

    @Test func unlocatedErrorsAreFound() {
        let stderr = """
            chapters/01-a.md:3:1: error: located
                [x](y)
                ^
            hint: error: in a hint
            error: cannot read 'sz/dev/zero', which a chapter links
            chapters/01-a.md: error: no line
            2 errors; build failed; 'site' is unchanged
            """
        #expect(CourseFuzz.unlocatedErrors(stderr) == ["error: cannot read 'sz/dev/zero', which a chapter links", "chapters/01-a.md: error: no line"])
    }
}
