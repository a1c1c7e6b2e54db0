import CourseDiagnostics
import CourseMarkdown
import Experiments
import FileAccess
import Foundation

/// The directives of one file, for `coursegen run`: every `experiment` fence of a
/// Markdown file, or the whole file when it is a bare directive (not `.md`).
public enum DirectiveFile {
    public static func sources(path: String, diagnostics: inout [Diagnostic]) -> [DirectiveSource] {
        let data: [UInt8]
        do {
            data = try BoundedFile.read(path, limit: SiteLimits.chapterBytes)
        } catch .missing, .notRegularFile(kind: "a folder") {
            diagnostics.append(.error("'\(path)' is not a file", hint: "name a chapter (.md) or a file holding one directive"))
            return []
        } catch {
            diagnostics.append(CourseLoader.unreadable(path, error))
            return []
        }
        guard let text = SourceText.decode(data, file: path, diagnostics: &diagnostics) else { return [] }
        guard path.hasSuffix(".md") else {
            return [DirectiveSource(text: text, origin: SourceOrigin(file: path, line: 1))]
        }
        let (_, body) = FrontMatter.split(text, file: path, isIndex: false, diagnostics: &diagnostics)
        let document = MarkdownParser.parse(body, origin: SourceOrigin(file: path, line: 1), diagnostics: &diagnostics)
        var sources: [DirectiveSource] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .codeBlock(let code) where code.fenced && code.language == "experiment":
                    sources.append(DirectiveSource(
                        text: code.literal, origin: SourceOrigin(file: path, line: code.bodyLine, columnOffset: code.indent)))
                case .blockQuote(let inner), .footnoteDefinition(_, let inner): visit(inner)
                case .list(let list): for item in list.items { visit(item.blocks) }
                default: break
                }
            }
        }
        visit(document.blocks)
        if sources.isEmpty {
            diagnostics.append(Diagnostic(.warning, "'\(path)' has no experiment fences", hint: "write one as ```experiment"))
        }
        return sources
    }
}
