import Foundation

/// The ```experiment fences of the course's chapters, found as CommonMark finds them, for
/// tests that check every directive a chapter ships.
public enum ChapterFences {
    /// One fence: its body, and where the body starts in its chapter.
    public struct Fence: CustomStringConvertible, Sendable {
        public var file: String
        /// The 1-based line of the body's first line.
        public var line: Int
        /// The fence's indentation, removed from every body line.
        public var indent: Int
        public var text: String
        public var description: String { "\(file):\(line)" }
    }

    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `chapters/` folder.
    public static let folder = repository.appendingPathComponent("chapters")

    /// The ```swift examples of the language reference, `docs/language.md`.
    public static func referenceExamples() throws -> [Fence] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/language.md"), encoding: .utf8)
        return fences(in: text, file: "docs/language.md", info: "swift")
    }

    /// Every fence of every `chapters/*.md`, files in name order.
    public static func all() throws -> [Fence] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try names.flatMap { name in
            fences(in: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: "chapters/" + name)
        }
    }

    /// The fences of `text` whose info string starts with `info` (also indented ones, inside
    /// lists, and ones inside block quotes such as a `> [!SOLUTION]`), in order. Other fences are skipped whole, so an example inside one is not taken
    /// for a directive.
    public static func fences(in text: String, file: String, info wanted: String = "experiment") -> [Fence] {
        var fences: [Fence] = []
        var open: (line: Int, quote: Int, indent: Int, marker: String, isExperiment: Bool)?
        var body: [Substring] = []
        for (index, fullLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A quote's `>` markers (each with one optional space) come off first, as CommonMark takes them.
            var line = fullLine
            while case let spaces = line.prefix(while: { $0 == " " }).count, spaces < 4, line.dropFirst(spaces).first == ">" {
                line = line.dropFirst(spaces + 1)
                if line.first == " " { line = line.dropFirst() }
            }
            let quote = fullLine.count - line.count
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if let current = open {
                if trimmed.hasPrefix(current.marker), trimmed.allSatisfy({ $0 == current.marker.first || $0 == " " }) {
                    if current.isExperiment {
                        // CommonMark removes up to the fence's indentation from each body line.
                        let lines = body.map { $0.dropFirst(min(current.indent, $0.prefix { $0 == " " }.count)) }
                        fences.append(Fence(file: file, line: current.line, indent: current.quote + current.indent,
                                            text: lines.joined(separator: "\n")))
                    }
                    open = nil
                } else {
                    body.append(line)
                }
            } else if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let marker = String(trimmed.prefix { $0 == trimmed.first })
                let info = trimmed.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
                open = (index + 2, quote, indent, marker, info.split(separator: " ").first.map(String.init) == wanted)
                body = []
            }
        }
        return fences
    }
}
