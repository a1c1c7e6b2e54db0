import CourseTestSupport
import Foundation
import Testing

/// Issue 11's inputs through the real binary: the crashes are located errors (exit 1),
/// script URLs fail the build at their place, and the site is left as it was.
@Suite(.serialized) struct TrustCommandTests {
    @Test(arguments: [
        ("25 KB of '>'", String(repeating: ">", count: 25_000) + " x\n", "chapters/01-a.md:1:101: error: Markdown is nested 25002 levels deep; the limit is 100"),
        ("80,000 '*' each side", String(repeating: "*", count: 80_000) + "x" + String(repeating: "*", count: 80_000) + "\n",
         "chapters/01-a.md:1:1: error: Markdown is nested 40002 levels deep; the limit is 100"),
    ])
    func deepNestingExitsOneWithALocatedError(name: String, text: String, firstLine: String) throws {
        let folder = TemporaryFolder("coursegen-e2e")
        defer { folder.remove() }
        folder.write("chapters/01-a.md", text)
        for command in [["build", "chapters", "-o", "site"], ["check", "chapters"]] {
            let outcome = try CoursegenBinary.run(command, in: folder.path, timeout: 30)
            #expect(!outcome.signalled && !outcome.timedOut, "\(name): \(outcome.status)")
            #expect(outcome.status == 1)
            #expect(outcome.stderr.hasPrefix(firstLine + "\n"), "\(outcome.stderr.prefix(300))")
            #expect(outcome.stderr.contains("\nhint: "))
        }
        #expect(!folder.exists("site"))
    }

    @Test func scriptURLsFailTheBuildAndLeaveTheSite() throws {
        let folder = TemporaryFolder("coursegen-e2e")
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\nFine.\n")
        #expect(try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path).status == 0)
        let before = folder.snapshot("site")
        folder.write("chapters/01-a.md", "# A\n\n[c](javascript:alert(1)) ![i](java&#115;cript:x)\n\n<vbscript:x> [d](data:text/html;base64,PHNjcmlwdD4=)\n")
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path, timeout: 30)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("""
            chapters/01-a.md:3:1: error: 'javascript:alert(1)' uses the scheme 'javascript:', which a page may not link to
                [c](javascript:alert(1)) ![i](java&#115;cript:x)
                ^
            hint: links and images may use http:, https:, mailto: or a path relative to the chapter; a page runs no script
            chapters/01-a.md:3:26: error: 'javascript:x' uses the scheme 'javascript:'
            """), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("chapters/01-a.md:5:1: error: 'vbscript:x' uses the scheme 'vbscript:'"))
        #expect(outcome.stderr.contains("chapters/01-a.md:5:14: error: 'data:text/html;base64,PHNjcmlwdD4=' uses the scheme 'data:'"))
        #expect(outcome.stderr.hasSuffix("4 errors; build failed; 'site' is unchanged\n"))
        #expect(folder.snapshot("site") == before)
    }
}
