import CourseDiagnostics
import CourseMarkdown
import FileAccess
import Foundation

/// Reads the chapters folder: every `*.md` directly inside it is a chapter,
/// `index.md` is the home page, and each numbered sub-folder (`02-adaptive/`) is a part
/// whose `*.md` files are chapters too (one level deep; its `index.md` gives its title).
/// Reports every problem it finds, in every file.
struct CourseLoader: Sendable {
    var folder: String
    var includeDrafts = false
    /// Spells a heading's math in the chapter's plain-text title (``BuildOptions/mathText``).
    var mathText: @Sendable (String) -> String = { $0 }
    /// Keeps each file's parse for the next build in the process, by the file's bytes.
    var memo: BuildMemo?

    struct Loaded {
        /// The chapters folder, which every file the build reads must really be in.
        var folder: ConfinedFolder
        var home: Chapter?
        var chapters: [Chapter]
        /// The numbered sub-folders that hold chapters, in order.
        var parts: [Part] = []
    }

    /// Pages coursegen writes itself besides the chapters', which no chapter's slug may take.
    static let generatedPages: Set<String> = ["search", "print", "references"]

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
            names = try fm.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            diagnostics.append(.error("cannot read the folder '\(folder)': \(error.localizedDescription)"))
            return nil
        }
        var chapterNames = names.filter { $0.hasSuffix(".md") && $0 != "index.md" }
        // Numbered sub-folders are parts; others (images/, theme/) hold what chapters link.
        var parts: [Part] = []
        var partOfFolder: [String: Int] = [:]
        for name in names where !name.hasSuffix(".md") && Self.numericPrefix(name) != nil {
            guard let part = loadPart(name, in: root, number: parts.count + 1, diagnostics: &diagnostics) else { continue }
            partOfFolder[name] = parts.count
            parts.append(part.part)
            chapterNames += part.chapterNames
        }
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
            guard var chapter else { continue }
            if chapter.frontMatter.draft && !includeDrafts { continue }
            chapter.part = partOfFolder[chapter.folder]
            chapters.append(chapter)
        }
        // Chapters directly in the folder come first, then each part's, in the parts' order.
        chapters.sort { a, b in
            let pa = a.part ?? -1, pb = b.part ?? -1
            if pa != pb { return pa < pb }
            let na = a.fileName.split(separator: "/").last.map(String.init) ?? a.fileName
            let nb = b.fileName.split(separator: "/").last.map(String.init) ?? b.fileName
            let ka = Self.numericPrefix(na) ?? a.frontMatter.order ?? Int.max
            let kb = Self.numericPrefix(nb) ?? b.frontMatter.order ?? Int.max
            return ka != kb ? ka < kb : a.fileName < b.fileName
        }
        for i in chapters.indices { chapters[i].number = i + 1 }

        // Two chapters may not share a page, nor take one coursegen writes itself.
        var bySlug: [String: Chapter] = [:]
        for chapter in chapters {
            let at = chapter.frontMatter.slugLocation ?? SourceLocation(file: chapter.displayPath, line: 1, column: 1)
            if let other = bySlug[chapter.slug] {
                let otherAt = other.frontMatter.slugLocation ?? SourceLocation(file: other.displayPath, line: 1, column: 1)
                diagnostics.append(.error(
                    "chapters '\(other.fileName)' and '\(chapter.fileName)' would both be written to '\(chapter.pageName)'",
                    at: at,
                    hint: "give one of them its own page name with 'slug:' in its front matter, or rename it; a chapter's page is its file name without '.md' and without its number",
                    notes: [.note("the other chapter is here", at: otherAt)]))
            } else if chapter.slug == "index" {
                diagnostics.append(.error(
                    "chapter '\(chapter.fileName)' would overwrite the home page 'index.html'",
                    at: at,
                    hint: chapter.frontMatter.slug == nil
                        ? "rename the chapter, or name the home page's file 'index.md'"
                        : "choose another slug; 'index.html' is the home page, written from 'index.md'"))
            } else if Self.generatedPages.contains(chapter.slug) {
                diagnostics.append(.error(
                    "chapter '\(chapter.fileName)' would overwrite '\(chapter.pageName)', a page coursegen writes itself",
                    at: at,
                    hint: "choose another page name with 'slug:' in its front matter; \(Self.generatedPages.sorted().map { "'\($0).html'" }.joined(separator: ", ")) are coursegen's"))
            } else {
                bySlug[chapter.slug] = chapter
            }
        }
        // A part whose chapters are all drafts is left out, and the others keep their numbers.
        let used = Set(chapters.compactMap(\.part))
        var kept: [Part] = []
        var newIndex: [Int: Int] = [:]
        for (i, part) in parts.enumerated() where used.contains(i) {
            newIndex[i] = kept.count
            var part = part
            part.number = kept.count + 1
            kept.append(part)
        }
        for i in chapters.indices { chapters[i].part = chapters[i].part.flatMap { newIndex[$0] } }
        return Loaded(folder: root, home: home, chapters: chapters, parts: kept)
    }

    /// The part in the numbered sub-folder `name`: its title and its chapters' paths, or
    /// `nil` when it is not a folder or cannot be read (a link out of the chapters folder).
    private func loadPart(_ name: String, in root: ConfinedFolder, number: Int,
                          diagnostics: inout [Diagnostic]) -> (part: Part, chapterNames: [String])? {
        let path = displayPath(name)
        let real: String
        do {
            real = try root.resolve(name)
        } catch .outsideFolder {
            diagnostics.append(.error(
                "the part folder '\(path)' is a link that leads out of the chapters folder",
                at: SourceLocation(file: path, line: 0, column: 0),
                hint: "a symbolic link in the chapters folder may point only inside it; move or copy the part's folder in instead"))
            return nil
        } catch {
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: real).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            diagnostics.append(.error("cannot read the part folder '\(path)': \(error.localizedDescription)",
                                      at: SourceLocation(file: path, line: 0, column: 0)))
            return nil
        }
        // Parts nest one level deep: a folder inside a part holding chapters is refused, not skipped.
        for entry in entries where !entry.hasSuffix(".md") {
            var entryIsDirectory: ObjCBool = false
            let entryPath = real + "/" + entry
            guard FileManager.default.fileExists(atPath: entryPath, isDirectory: &entryIsDirectory), entryIsDirectory.boolValue else { continue }
            let inner = (try? FileManager.default.contentsOfDirectory(atPath: entryPath)) ?? []
            guard inner.contains(where: { $0.hasSuffix(".md") && !$0.hasPrefix(".") }) else { continue }
            diagnostics.append(.error(
                "'\(displayPath(name + "/" + entry))' holds chapters two folders deep; parts nest one level only",
                at: SourceLocation(file: displayPath(name + "/" + entry), line: 0, column: 0),
                hint: "move its chapters into '\(path)' or make it a part of its own beside it, e.g. '\(displayPath(String(format: "%02d", number + 1) + "-" + (Self.unnumbered(entry))))'"))
        }
        var title = Self.partTitle(forFolder: name)
        if entries.contains("index.md") {
            let indexPath = displayPath(name + "/index.md")
            do {
                let data = try root.read(name + "/index.md", limit: SiteLimits.chapterBytes)
                if let text = SourceText.decode(data, file: indexPath, diagnostics: &diagnostics) {
                    let (frontMatter, body) = FrontMatter.split(text, file: indexPath, kind: .part, diagnostics: &diagnostics)
                    if let chosen = frontMatter.title { title = chosen }
                    if let line = body.split(separator: "\n", omittingEmptySubsequences: false)
                        .firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
                        diagnostics.append(Diagnostic(
                            .warning, "a part's 'index.md' gives only its title; its text is not shown",
                            at: SourceLocation(file: indexPath, line: line + 1, column: 1),
                            hint: "put the part's introduction in its first chapter"))
                    }
                }
            } catch {
                diagnostics.append(Self.unreadable(indexPath, error))
            }
        }
        let chapterNames = entries.filter { $0.hasSuffix(".md") && $0 != "index.md" }.map { name + "/" + $0 }
        return (Part(folder: name, title: title, number: number), chapterNames)
    }

    /// `02-adaptive-methods` → "Adaptive methods".
    static func partTitle(forFolder name: String) -> String {
        let words = unnumbered(name).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }

    /// The name without its numeric prefix and the separator after it.
    static func unnumbered(_ name: String) -> String {
        guard numericPrefix(name) != nil else { return name }
        return String(name.drop(while: \.isASCIIDigit).dropFirst())
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
        guard let memo else { return parse(data, name: name, path: path, isIndex: isIndex, diagnostics: &diagnostics) }
        let (chapter, found) = memo.chapter(BuildMemo.LoadKey(name: name, displayPath: path, isIndex: isIndex, bytes: data)) {
            var found: [Diagnostic] = []
            return (parse(data, name: name, path: path, isIndex: isIndex, diagnostics: &found), found)
        }
        diagnostics += found
        return chapter
    }

    private func parse(_ data: [UInt8], name: String, path: String, isIndex: Bool, diagnostics: inout [Diagnostic]) -> Chapter? {
        guard let text = SourceText.decode(data, file: path, diagnostics: &diagnostics) else { return nil }
        let (frontMatter, body) = FrontMatter.split(text, file: path, isIndex: isIndex, diagnostics: &diagnostics)
        var document = MarkdownParser.parse(body, origin: SourceOrigin(file: path, line: 1), diagnostics: &diagnostics)

        // A `#` heading that opens the body is the title, unless the front matter gives another:
        // then it is the author's first section and stays on the page.
        var firstHeadingIsTitle = false
        var headingTitle: String?
        if case .heading(1, let inlines, _)? = document.blocks.first(where: { if case .footnoteDefinition = $0 { return false }; return true }) {
            let text = inlines.plainText(math: mathText)
            if frontMatter.title == nil || frontMatter.title == text {
                headingTitle = text
                firstHeadingIsTitle = true
            }
        }
        // The page's one `<h1>` is the title: a body that still holds a `#` heading moves all of its
        // headings one level down.
        if Self.holdsLevelOneHeading(document.blocks, besidesTheFirst: firstHeadingIsTitle) {
            document.blocks = Self.demotingHeadings(document.blocks, keepingTheFirst: firstHeadingIsTitle)
        }
        let slug = isIndex ? "index" : frontMatter.slug ?? Self.slug(forFileName: String(name.split(separator: "/").last ?? Substring(name)))
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

    /// Whether `blocks` hold a level-1 heading, the first heading aside when it is the title.
    static func holdsLevelOneHeading(_ blocks: [Block], besidesTheFirst skipsFirst: Bool) -> Bool {
        var headings = blocks.allBlocks.lazy.compactMap { block -> Int? in
            if case .heading(let level, _, _) = block { return level }
            return nil
        }.makeIterator()
        if skipsFirst { _ = headings.next() }
        while let level = headings.next() {
            if level == 1 { return true }
        }
        return false
    }

    /// `blocks` with every heading one level lower (`######` stays level 6), the first
    /// heading left alone when it is the title (the renderer takes it out of the body).
    /// Recursive over quotes, list items and footnotes: the parser caps their nesting.
    static func demotingHeadings(_ blocks: [Block], keepingTheFirst keepsFirst: Bool) -> [Block] {
        var keep = keepsFirst
        func demote(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                switch block {
                case .heading(let level, let inlines, let position):
                    if keep { keep = false; return block }
                    return .heading(level: min(level + 1, 6), inlines, position)
                case .blockQuote(let inner): return .blockQuote(demote(inner))
                case .list(var list):
                    for i in list.items.indices { list.items[i].blocks = demote(list.items[i].blocks) }
                    return .list(list)
                case .footnoteDefinition(let label, let inner): return .footnoteDefinition(label: label, demote(inner))
                default: return block
                }
            }
        }
        return demote(blocks)
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
