import CourseDiagnostics
import CourseMarkdown
import FileAccess
import Foundation

/// Reads the chapters folder: every `*.md` directly inside it is a chapter,
/// `index.md` is the home page. Reports every problem it finds, in every file.
struct CourseLoader: Sendable {
    var folder: String
    var includeDrafts = false
    /// Spells a heading's math in the chapter's plain-text title (``BuildOptions/mathText``).
    var mathText: @Sendable (String) -> String = { $0 }

    struct Loaded {
        /// The chapters folder, which every file the build reads must really be in.
        var folder: ConfinedFolder
        var home: Chapter?
        var chapters: [Chapter]
    }

    /// Numeric file-name prefix such as the `02` of `02-momentum.md`.
    static func numericPrefix(_ name: String) -> Int? {
        let digits = name.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        let rest = name.dropFirst(digits.count)
        guard rest.first == "-" || rest.first == "_" || rest.first == "." else { return nil }
        return Int(digits)
    }

    static func slug(forFileName name: String) -> String {
        var base = Substring(name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
        if numericPrefix(String(base)) != nil {
            base = base.drop(while: \.isASCIIDigit)
            if base.first == "-" || base.first == "_" { base = base.dropFirst() }
        }
        let slug = HeadingSlugger.slugify(String(base))
        return slug
    }

    func displayPath(_ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    func load(diagnostics: inout [Diagnostic]) -> Loaded? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            diagnostics.append(.error("chapters folder '\(folder)' does not exist",
                                      hint: "run coursegen from the folder that holds your chapters, or name the folder: coursegen build path/to/chapters"))
            return nil
        }
        guard isDirectory.boolValue else {
            diagnostics.append(.error("'\(folder)' is a file, not a folder of chapters",
                                      hint: "name the folder that holds the .md files"))
            return nil
        }
        let root: ConfinedFolder
        do {
            root = try ConfinedFolder(folder)
        } catch {
            diagnostics.append(.error("cannot read the folder '\(folder)': \(error.reason)"))
            return nil
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        } catch {
            diagnostics.append(.error("cannot read the folder '\(folder)': \(error.localizedDescription)"))
            return nil
        }
        let chapterNames = names.filter { $0 != "index.md" }
        guard !chapterNames.isEmpty else {
            diagnostics.append(.error("'\(folder)' holds no chapters",
                                      hint: "add Markdown files such as '01-introduction.md' to it"))
            return nil
        }

        var home: Chapter?
        if names.contains("index.md") {
            home = loadFile("index.md", in: root, isIndex: true, diagnostics: &diagnostics)
        }
        // Files are independent: read and parse them on all cores, keep the name order.
        let loadedFiles = ConcurrentMap.map(chapterNames) { name in
            var fileDiagnostics: [Diagnostic] = []
            let chapter = loadFile(name, in: root, isIndex: false, diagnostics: &fileDiagnostics)
            return (chapter, fileDiagnostics)
        }
        var chapters: [Chapter] = []
        for (chapter, fileDiagnostics) in loadedFiles {
            diagnostics += fileDiagnostics
            guard let chapter else { continue }
            if chapter.frontMatter.draft && !includeDrafts { continue }
            chapters.append(chapter)
        }
        chapters.sort { a, b in
            let ka = Self.numericPrefix(a.fileName) ?? a.frontMatter.order ?? Int.max
            let kb = Self.numericPrefix(b.fileName) ?? b.frontMatter.order ?? Int.max
            return ka != kb ? ka < kb : a.fileName < b.fileName
        }
        for i in chapters.indices { chapters[i].number = i + 1 }

        // Two chapters may not share a page.
        var bySlug: [String: Chapter] = [:]
        for chapter in chapters {
            if let other = bySlug[chapter.slug] {
                diagnostics.append(.error(
                    "chapters '\(other.fileName)' and '\(chapter.fileName)' would both be written to '\(chapter.pageName)'",
                    at: SourceLocation(file: chapter.displayPath, line: 1, column: 1),
                    hint: "rename one of them; a chapter's page is its file name without '.md' and without its number",
                    notes: [.note("the other chapter is here", at: SourceLocation(file: other.displayPath, line: 1, column: 1))]))
            } else if chapter.slug == "index" {
                diagnostics.append(.error(
                    "chapter '\(chapter.fileName)' would overwrite the home page 'index.html'",
                    at: SourceLocation(file: chapter.displayPath, line: 1, column: 1),
                    hint: "rename the chapter, or name the home page's file 'index.md'"))
            } else {
                bySlug[chapter.slug] = chapter
            }
        }
        return Loaded(folder: root, home: home, chapters: chapters)
    }

    private func loadFile(_ name: String, in root: ConfinedFolder, isIndex: Bool, diagnostics: inout [Diagnostic]) -> Chapter? {
        let path = displayPath(name)
        let data: [UInt8]
        do {
            data = try root.read(name, limit: SiteLimits.chapterBytes)
        } catch {
            diagnostics.append(Self.unreadable(path, error))
            return nil
        }
        guard let text = SourceText.decode(data, file: path, diagnostics: &diagnostics) else { return nil }
        let (frontMatter, body) = FrontMatter.split(text, file: path, isIndex: isIndex, diagnostics: &diagnostics)
        let document = MarkdownParser.parse(body, origin: SourceOrigin(file: path, line: 1), diagnostics: &diagnostics)

        var firstHeadingIsTitle = false
        var headingTitle: String?
        if case .heading(1, let inlines, _)? = document.blocks.first(where: { if case .footnoteDefinition = $0 { return false }; return true }) {
            headingTitle = inlines.plainText(math: mathText)
            firstHeadingIsTitle = true
        }
        let slug = isIndex ? "index" : Self.slug(forFileName: name)
        let title = frontMatter.title ?? headingTitle ?? slug
        var chapter = Chapter(fileName: name, displayPath: path, slug: slug, title: title, number: 0,
                              frontMatter: frontMatter, document: document)
        chapter.firstHeadingIsTitle = firstHeadingIsTitle
        assignHeadingIDs(&chapter)
        let slugger = Self.slugger()
        chapter.callouts = ChapterCallouts(document, file: path, taken: chapter.headingIDSet.union(PageRenderer.reservedIDs),
                                           isGenerated: slugger.isGenerated, diagnostics: &diagnostics)
        return chapter
    }

    /// Why a chapter file was not read. Reported for the whole file (no line), so that the
    /// printer quotes nothing from it: a link out of the folder is not followed even to show a line.
    static func unreadable(_ path: String, _ problem: FileProblem) -> Diagnostic {
        let file = SourceLocation(file: path, line: 0, column: 0)
        switch problem {
        case .tooLarge(let bytes, let limit):
            return .error("chapter is \(bytes) bytes; the limit is \(limit)", at: file, hint: "split it into several chapters")
        case .outsideFolder:
            return .error("cannot read '\(path)': \(problem.reason)", at: file,
                          hint: "a symbolic link in the chapters folder may point only to a file inside it; copy the file in instead")
        case .notRegularFile:
            return .error("cannot read '\(path)': \(problem.reason)", at: file, hint: "a chapter is a regular Markdown file")
        case .missing, .unreadable:
            return .error("cannot read '\(path)': \(problem.reason)", at: file, hint: "check that the file exists and that you may read it")
        }
    }

    /// A slugger that knows the ids coursegen writes itself: the template's, footnotes',
    /// directive fragments' and exercises'.
    static func slugger() -> HeadingSlugger {
        HeadingSlugger(reserved: PageRenderer.reservedIDs,
                       numberedPrefixes: HTMLRenderer.footnoteNamespaces() + DirectiveBlock.idNamespaces + ChapterCallouts.idNamespaces)
    }

    /// Ids for every heading, unique in the page; ids the page template, footnotes and
    /// directive fragments use are reserved.
    private func assignHeadingIDs(_ chapter: inout Chapter) {
        var slugger = Self.slugger()
        var ids: [String] = []
        var contents: [ContentsEntry] = []
        for case .heading(let level, let inlines, _) in chapter.document.blocks.allBlocks {
            // The id spells math as its LaTeX, as it always has, so links to it keep working.
            let id = slugger.slug(for: inlines.plainText)
            ids.append(id)
            if level == 2 || level == 3 {
                contents.append(ContentsEntry(level: level, id: id, title: inlines.plainText(math: mathText), inlines: inlines))
            }
        }
        chapter.headingIDs = ids
        chapter.contents = contents
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
