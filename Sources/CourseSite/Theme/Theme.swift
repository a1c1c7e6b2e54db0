import CourseDiagnostics
import CourseMarkdown
import Foundation
import Mustache

/// The templates and stylesheet a build uses: the bundled ones, each replaced
/// by a file of the same name in `<chapters>/theme/` when there is one
/// (`page.mustache`, `sidebar.mustache`, `contents.mustache`, `pager.mustache`,
/// `chapter-list.mustache`, `style.css`), as mdBook's theme folder works.
struct Theme: @unchecked Sendable {
    var library: MustacheLibrary
    var stylesheet: String

    static func load(chaptersFolder: String, diagnostics: inout [Diagnostic]) -> Theme? {
        let folder = (chaptersFolder.hasSuffix("/") ? chaptersFolder : chaptersFolder + "/") + "theme/"
        var library = MustacheLibrary()
        var ok = true
        for (name, bundled) in BundledTemplates.all {
            let path = folder + name + ".mustache"
            var text = bundled
            if FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path),
                      let override = SourceText.decode(Array(data), file: path, diagnostics: &diagnostics) else {
                    ok = false
                    continue
                }
                text = override
                // A theme comes with the chapters, from whoever wrote them: it may not add script either.
                for finding in ScriptScan.findings(in: text) {
                    let (line, column) = Self.lineAndColumn(ofByte: finding.offset, in: text)
                    diagnostics.append(.error(
                        "template '\(name).mustache' would put \(finding.what) in every page",
                        at: SourceLocation(file: path, line: line, column: column),
                        hint: "pages of coursegen run no script; links may use http:, https:, mailto: or a relative path"))
                    ok = false
                }
            }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template '\(name).mustache' does not parse: \(error.error)",
                    at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber + 1)))
                ok = false
            } catch {
                diagnostics.append(.error("template '\(name).mustache' does not parse: \(error)", at: SourceLocation(file: path, line: 0, column: 0)))
                ok = false
            }
        }
        var stylesheet = BundledStylesheet.css
        let cssPath = folder + "style.css"
        if FileManager.default.fileExists(atPath: cssPath) {
            if let data = FileManager.default.contents(atPath: cssPath),
               let css = SourceText.decode(Array(data), file: cssPath, diagnostics: &diagnostics) {
                stylesheet = css
            } else {
                ok = false
            }
        }
        return ok ? Theme(library: library, stylesheet: stylesheet) : nil
    }

    /// The 1-based line and UTF-8 column of byte `offset` of `text`.
    static func lineAndColumn(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
