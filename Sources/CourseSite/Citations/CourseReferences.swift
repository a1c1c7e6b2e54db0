import Bibliography
import CourseDiagnostics
import CourseMarkdown
import FileAccess
import Optimizers
import Synchronization

/// The course's `references.bib`, beside the chapters (optional): what citations in the prose
/// and the optimizer catalog's papers refer to.
struct CourseReferences: Sendable {
    static let fileName = "references.bib"
    /// The file's size limit, as a theme file's.
    static let byteLimit = 1 << 20

    var bibliography: Bibliography
    /// The file as diagnostics name it (`chapters/references.bib`).
    var file: String
    /// Methods' papers as this build cites them (``PageCitations/paperResolver``); a build
    /// loads its references afresh, with its one catalog, so the texts cannot go stale.
    let papers = PaperCitationMemo()

    /// The course's references, `nil` when the folder has no `references.bib`.
    static func load(folder: ConfinedFolder, diagnostics: inout [Diagnostic]) -> CourseReferences? {
        guard folder.contains(fileName) else { return nil }
        let file = folder.displayPath(fileName)
        let bytes: [UInt8]
        do {
            bytes = try folder.read(fileName, limit: byteLimit)
        } catch {
            diagnostics.append(.error("'\(file)' \(error)", at: SourceLocation(file: file, line: 0, column: 0),
                                      hint: "references.bib is a BibTeX file of at most \(byteLimit) bytes inside the chapters folder"))
            return nil
        }
        guard let text = SourceText.decode(bytes, file: file, diagnostics: &diagnostics) else { return nil }
        let entries = BibTeXParser(file: file).parse(text, diagnostics: &diagnostics)
        return CourseReferences(bibliography: Bibliography(entries), file: file)
    }

    /// The course's entry for a method's paper, when `references.bib` has one.
    func entry(for paper: PaperReference) -> BibEntry? {
        bibliography.entry(key: paper.key, doi: paper.doi, arXiv: paper.arXiv, url: paper.url)
    }

    /// Every bracketed citation of a key `references.bib` lacks, as an error at its `@` with
    /// the closest key; without the file, every bracketed citation. A narrative `@word` that
    /// is no key stays text (it may be a handle), so it is never an error.
    static func check(_ pages: [Chapter], references: CourseReferences?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in pages {
            for citation in page.document.blocks.allBlocks.flatMap({ $0.inlines.allInlines }).compactMap(\.citation) where !citation.narrative {
                for item in citation.items where references?.bibliography[item.key] == nil {
                    let at = SourceLocation(file: page.displayPath, line: item.position.line, column: item.position.column)
                    guard let references else {
                        diagnostics.append(.error(
                            "citation '@\(item.key)' but the course has no \(fileName)", at: at, length: item.key.count + 1,
                            hint: "put a BibTeX file named \(fileName) beside the chapters, with an entry '@article{\(item.key), …}'"))
                        continue
                    }
                    let guess = Suggestion.closest(to: item.key, in: references.bibliography.keys)
                    diagnostics.append(.error(
                        "unknown citation key '\(item.key)'", at: at, length: item.key.count + 1,
                        hint: (guess.map { "did you mean '@\($0)'? " } ?? "") + "keys are those of \(references.file)"))
                }
            }
        }
        return diagnostics
    }

    /// A warning at each entry no page cites, in the prose or through a method's paper.
    func unused(cited: Set<String>) -> [Diagnostic] {
        bibliography.entries.filter { !cited.contains($0.key) }.map { entry in
            Diagnostic(.warning, "'\(entry.key)' is cited nowhere in the course", at: entry.keyLocation, length: entry.key.count,
                       hint: "cite it with [@\(entry.key)] in a chapter, or remove it from \(CourseReferences.fileName)")
        }
    }
}

extension Inline {
    var citation: Citation? {
        if case .citation(let citation) = self { return citation }
        return nil
    }
}

/// Each method's paper found in the course's references, with the text that cites it
/// ("Kingma and Ba 2015"): a formula table cites its methods' papers in every fence and page
/// that shows it, and finding an entry by DOI and writing its names was a cached build's
/// largest cost after the figures.
final class PaperCitationMemo: Sendable {
    private let found = Mutex<[PaperReference: (key: String, text: String)?]>([:])

    /// The entry's key and citing text for `paper`, from `find` the first time it is asked.
    func citation(_ paper: PaperReference, find: () -> (key: String, text: String)?) -> (key: String, text: String)? {
        if let known = found.withLock({ $0[paper] }) { return known }
        let citation = find()
        found.withLock { $0[paper] = .some(citation) }
        return citation
    }
}
