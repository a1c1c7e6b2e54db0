import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Every kind of bad input the site issue names, with the exact message and position.
@Suite struct BadInputTests {
    private func messages(_ folder: TemporaryFolder, _ chapters: String = "chapters") -> [String] {
        build(folder, chapters).diagnostics.filter { $0.severity == .error }.map { d in
            let location = d.location.map { "\($0): ".replacingOccurrences(of: folder.path + "/", with: "") } ?? ""
            return location + d.message
        }
    }

    @Test func missingChaptersFolder() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(messages(folder, "nope") == ["chapters folder '\(folder.path)/nope' does not exist"])
    }

    @Test func chaptersPathIsAFile() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("notes.md", "# x\n")
        #expect(messages(folder, "notes.md") == ["'\(folder.path)/notes.md' is a file, not a folder of chapters"])
    }

    @Test func emptyFolder() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/index.md", "Home only.\n")
        #expect(messages(folder) == ["'\(folder.path)/chapters' holds no chapters"])
    }

    @Test func unreadableFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        // A dangling link cannot be read, even by root (who ignores file modes).
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/chapters/02-b.md", withDestinationPath: folder.path + "/missing")
        #expect(messages(folder) == ["chapters/02-b.md: cannot read '\(folder.path)/chapters/02-b.md': it does not exist"])
    }

    @Test func fileThatIsNotUTF8() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", bytes: Array("# A\ncaf".utf8) + [0xE9] + Array(" noir\n".utf8))
        #expect(messages(folder) == ["chapters/01-a.md:2:4: file is not UTF-8 text (byte 0xE9 at offset 7)"])
    }

    @Test func badYAMLIsReportedAtItsLine() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "---\ntitle: A\norder: [1, 2\n---\n# A\n")
        folder.write("chapters/02-b.md", "---\norder: soon\n---\n# B\n")
        folder.write("chapters/03-c.md", "---\ntitle: C\n# C\n")
        let found = messages(folder)
        #expect(found.count == 3)
        #expect(found[0].hasPrefix("chapters/01-a.md:4:1: front matter is not valid YAML:"))
        #expect(found[1] == "chapters/02-b.md:2:8: 'order' must be a whole number")
        #expect(found[2] == "chapters/03-c.md:1:1: front matter opened with '---' is never closed")
    }

    @Test func twoChaptersWithTheSameSlug() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-adam.md", "# A\n")
        folder.write("chapters/02-adam.md", "# B\n")
        let result = build(folder)
        #expect(messages(folder) == ["chapters/02-adam.md:1:1: chapters '01-adam.md' and '02-adam.md' would both be written to 'adam.html'"])
        #expect(result.diagnostics.first?.notes.first?.location?.file.hasSuffix("01-adam.md") == true)
    }

    @Test func linksToMissingChaptersAnchorsAndFiles() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n[x](02-momentm.md) [y](02-momentum.md#nesterv) [z](#nowhere)\n\n![p](plots/missing.png) [up](../secret.md)\n")
        folder.write("chapters/02-momentum.md", "# Momentum\n\n## Nesterov\n")
        #expect(messages(folder) == [
            "chapters/01-a.md:3:1: link to a missing chapter '02-momentm.md'; did you mean '02-momentum.md'?",
            "chapters/01-a.md:3:20: link '02-momentum.md#nesterv' names a missing anchor '#nesterv' in '02-momentum.md'; did you mean '#nesterov'?",
            "chapters/01-a.md:3:48: link '#nowhere' names a missing anchor '#nowhere' in '01-a.md'",
            "chapters/01-a.md:5:1: link to a missing file 'plots/missing.png'",
            "chapters/01-a.md:5:25: link '../secret.md' leaves the chapters folder",
        ])
    }

    /// Columns count characters (Unicode scalars), as an editor jumps to them, whatever the
    /// script before the error: links, math, directives and front matter alike.
    @Test func columnsCountCharactersAfterChineseText() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", """
            ---
            title: 学习率
            order: 第一
            ---
            # 学习率

            学习率的选择见[另一章](04-missing.md)。公式 $\\eta \\bad$ 不对。

            """)
        folder.write("chapters/02-b.md", "# 动量\n\n  ```echo\n  中文注释!\n  ```\n")
        folder.write("chapters/03-c.md", "---\ntitle: \"学习率\" 选择: x\n---\n# 三\n")
        #expect(messages(folder) == [
            "chapters/01-a.md:3:8: 'order' must be a whole number",
            "chapters/01-a.md:7:8: link to a missing chapter '04-missing.md'",
            "chapters/01-a.md:7:38: unknown command '\\bad'",
            "chapters/02-b.md:4:7: bang",
            "chapters/03-c.md:2:14: front matter is not valid YAML: did not find expected key",
        ])
    }

    @Test func everyErrorAcrossAllChaptersIsReported() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n[x](nope.md)\n")
        folder.write("chapters/02-b.md", "# B\n[y](nope2.md)\n")
        folder.write("chapters/03-c.md", bytes: [0xFF])
        #expect(messages(folder).count == 3)
    }

    @Test func tooLargeInputsAreRefusedQuickly() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let row = String(repeating: "|a", count: 5_000) + "|\n"
        folder.write("chapters/01-a.md", "# Wide\n\n" + row + String(repeating: "|-", count: 5_000) + "|\n")
        #expect(messages(folder) == ["chapters/01-a.md:3:1: line has 5001 table cells; the limit is 200"])
    }
}
