import CourseDiagnostics
import CourseMarkdown
import FileAccess
import Foundation
import Mustache

/// The templates and stylesheet a build uses: the bundled ones, each replaced
/// by a file of the same name in `<chapters>/theme/` when there is one
/// (`page.mustache`, `sidebar.mustache`, `contents.mustache`, `pager.mustache`,
/// `chapter-list.mustache`, `print.mustache`, `style.css`), as mdBook's theme folder works.
struct Theme: @unchecked Sendable {
    var library: MustacheLibrary
    var stylesheet: String
    /// Whether `sidebar.mustache` is the bundled one, whose chapter list pages share (``SidebarSkeleton``).
    var hasBundledSidebar = true

    /// The theme of the chapters `folder`; its files are read as chapters are, only from
    /// inside the folder and at most ``SiteLimits/themeFileBytes`` each.
    static func load(folder: ConfinedFolder, diagnostics: inout [Diagnostic]) -> Theme? {
        var library = MustacheLibrary()
        var ok = true
        var hasBundledSidebar = true
        for (name, bundled) in BundledTemplates.all {
            let relative = "theme/" + name + ".mustache"
            let path = folder.displayPath(relative)
            var text = bundled
            if folder.contains(relative) {
                guard let override = read(relative, in: folder, diagnostics: &diagnostics) else {
                    ok = false
                    continue
                }
                text = override
                if name == "sidebar" { hasBundledSidebar = false }
                // A theme comes with the chapters, from whoever wrote them: it may not add script either.
                for finding in ScriptScan.findings(in: text) {
                    let (line, column) = ScalarColumns.lineAndColumn(ofByte: finding.offset, in: text.utf8)
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
        if folder.contains("theme/style.css") {
            if let css = read("theme/style.css", in: folder, diagnostics: &diagnostics) {
                stylesheet = css
            } else {
                ok = false
            }
        }
        return ok ? Theme(library: library, stylesheet: stylesheet, hasBundledSidebar: hasBundledSidebar) : nil
    }

    static func read(_ relative: String, in folder: ConfinedFolder, diagnostics: inout [Diagnostic]) -> String? {
        let path = folder.displayPath(relative)
        do {
            let bytes = try folder.read(relative, limit: SiteLimits.themeFileBytes)
            return SourceText.decode(bytes, file: path, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(.error(
                "cannot read the theme file '\(path)': \(error.reason)", at: SourceLocation(file: path, line: 0, column: 0),
                hint: "a theme file is a regular file inside the chapters folder, of at most \(SiteLimits.themeFileBytes) bytes"))
            return nil
        }
    }
}
