import ArgumentParser
import CourseSite
import Foundation

extension StarterCourse.Language: ExpressibleByArgument {}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a course: write a starter course into a new or empty folder.",
        discussion: """
            The folder becomes the chapters folder: a home page (index.md), one chapter with an experiment, \
            a claim the build checks, an exercise with its solution, a numbered equation and a citation, \
            references.bib, theme/README.md on overriding templates, strings and CSS, and a .gitignore. \
            It builds and passes 'check' as written. Missing parent folders are created; a folder that is \
            not empty, or is a symbolic link, is refused and nothing is written.

            Examples:
              coursegen init                        start a course in chapters/
              coursegen init my-course              start one in my-course/
              coursegen init 课程 --language zh-CN   start one written in Chinese
            """)

    @Argument(help: ArgumentHelp(
        "The folder to write the course's chapters into (default: chapters, the folder 'build' reads when given none).",
        valueName: "folder"))
    var folder = "chapters"

    @Option(name: .long, help: "The language the course is written in.")
    var language: StarterCourse.Language = .english

    func run() throws {
        let console = Console()
        let course = StarterCourse(language: language)
        let written: [String]
        do {
            written = try StarterCourseWriter(folder: folder).write(course)
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(1)
        }
        let quoted = Self.shellQuoted(folder)
        let output = Self.suggestedOutput(for: folder)
        var lines = ["wrote a starter course in \(folder):"]
        lines += written.map { "  " + $0 }
        let build = "coursegen build \(quoted) -o \(output)", check = "coursegen check \(quoted)"
        let width = max(build.count, check.count) + 2
        lines += [
            "",
            "next:",
            "  " + build.padding(toLength: width, withPad: " ", startingAt: 0) + "build the site, then open \(output)index.html",
            "  " + check.padding(toLength: width, withPad: " ", startingAt: 0) + "check links, claims and references; write nothing",
        ]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Where to suggest the site goes: `site/` beside where coursegen runs, unless that is inside
    /// the chapters folder (`coursegen init .`), where a build refuses to write it.
    static func suggestedOutput(for folder: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let chapters = URL(fileURLWithPath: folder).standardizedFileURL
        guard here == chapters.path || here.hasPrefix(chapters.path + "/") else { return "site/" }
        if here == chapters.path { return "../site/" }
        return shellQuoted(chapters.deletingLastPathComponent().appendingPathComponent("site").path + "/")
    }

    /// `path` as a shell word, quoted only when it must be.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_./+,:@%".unicodeScalars.contains(scalar)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
