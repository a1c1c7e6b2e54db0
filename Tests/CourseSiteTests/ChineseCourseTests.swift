import CourseDiagnostics
import CourseSite
import CourseTestSupport
import ExperimentPages
import Foundation
import Localization
import Optimizers
import Testing

/// A course in Chinese (`Fixtures/zh/`: an experiment with several runs and two starts, a
/// formula table, a training, an activations study, a schedule and an average) builds to pages
/// whose every generated word is Chinese.
@Suite struct ChineseCourseTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/zh/chapters")
    /// The example course in `examples/zh/`, the first thing a Chinese-speaking lecturer reads.
    static let exampleCourse = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/zh").standardized

    /// The chapters of `source` (the fixture unless told) in a fresh folder, with `edit` applied
    /// to each file's text.
    static func course(from source: URL = fixture, _ edit: (String, String) -> String = { _, text in text }) throws -> TemporaryFolder {
        let folder = TemporaryFolder("zh-course")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted() where name.hasSuffix(".md") || name.hasSuffix(".bib") {
            let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            folder.write("chapters/" + name, edit(name, text))
        }
        return folder
    }

    static func build(_ folder: TemporaryFolder) -> SiteBuilder.Result {
        let chapters = folder.path + "/chapters"
        return SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
    }

    static func pages(_ result: SiteBuilder.Result) -> [(path: String, html: String)] {
        result.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    @Test func pagesMatchGolden() throws {
        let folder = try Self.course()
        defer { folder.remove() }
        let result = Self.build(folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let pages = Self.pages(result)
        #expect(pages.map(\.path) == ["index.html", "bowl.html", "network.html", "schedules.html", "print.html", "search.html"])
        for page in pages { try GoldenFile.check(page.html, named: "zh/" + page.path) }
    }

    // MARK: - No English word from coursegen

    /// Names that are the same in every language: the methods, people, libraries, units and the
    /// identifiers a formula table shows as symbols (`nesterov`, `amsgrad`, `line search` are
    /// the flags' symbols in the rules' LaTeX; `none` is a value as the directive writes it).
    static let properNames: Set<String> = Set(OptimizerCatalog.all.flatMap { [$0.displayName, $0.callName] } + OptimizerCatalog.all.flatMap {
        $0.hyperparameters.flatMap { $0.symbol.split(whereSeparator: { !$0.isLetter }).map(String.init) }
    } + [
        "coursegen", "PyTorch", "Hessian", "Nesterov", "Wolfe", "BFGS", "Xavier", "Glorot", "Kaiming", "He", "MNIST", "UCI",
        "softmax", "dropout", "RMS", "L2", "tanh", "ReLU", "none", "PDF",
    ])

    /// The English catalog's words: every message split at what is not a letter, lower case, with
    /// placeholders, formulas and proper names left out.
    static let englishWords: Set<String> = {
        let english = PageStrings.catalog(for: .english)
        var words: Set<String> = []
        for key in english.keys {
            let forms: [String]
            switch english.messages[key]! {
            case .text(let text): forms = [text]
            case .plural(let plural): forms = Array(plural.values)
            }
            for form in forms {
                var text = form.replacing(/\{[A-Za-z]+\}/, with: " ")
                text = text.split(separator: "$", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map { String($0.element) }.joined(separator: " ")
                for word in Self.words(in: text) where word.count > 1 && !properNames.contains(word) { words.insert(word.lowercased()) }
            }
        }
        return words
    }()

    static func words(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
    }

    /// The page's text as a reader meets it, without what coursegen does not write in words:
    /// code, the directive's source, formulas, and the attribute values that are not read out.
    static func generatedText(_ html: String) -> String {
        var text = html
        for pattern in [
            /<details class="cg-source">[\s\S]*?<\/details>/, /<pre[\s\S]*?<\/pre>/, /<code[\s\S]*?<\/code>/, /<math[\s\S]*?<\/math>/,
            /<head>[\s\S]*?<\/head>/, /<annotation[\s\S]*?<\/annotation>/,
            // Works cited by their published English titles, marked as English for screen readers.
            /<span lang="en">[^<]*<\/span>/,
        ] as [Regex<Substring>] {
            text = text.replacing(pattern, with: " ")
        }
        // aria-label, title and alt are read out; the rest of a tag is not.
        let readAttributes = text.matches(of: /(?:aria-label|title|alt)="([^"]*)"/).map { String($0.1) }.joined(separator: " ")
        text = text.replacing(/<[^>]*>/, with: " ")
        return text + " " + readAttributes
    }

    /// The author's words: the Markdown outside fences, and the strings inside them (titles, labels).
    static func authorWords(_ folder: TemporaryFolder) throws -> Set<String> {
        var words: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path + "/chapters") where name.hasSuffix(".md") || name.hasSuffix(".bib") {
            var inFence = false
            for line in (folder.read("chapters/" + name) ?? "").split(separator: "\n") {
                if line.hasPrefix("```") { inFence.toggle(); continue }
                let source = inFence ? line.matches(of: /"([^"]*)"/).map { String($0.1) }.joined(separator: " ") : String(line)
                words.formUnion(Self.words(in: source))
            }
        }
        return words
    }

    /// Every English catalog word that a page shows outside code, the source, formulas, proper
    /// names and the author's own text, with the page it is on.
    static func englishLeft(in result: SiteBuilder.Result, author: Set<String>) -> [String] {
        var found: [String] = []
        for page in pages(result) {
            let left = Set(words(in: generatedText(page.html)).filter {
                $0.count > 1 && !properNames.contains($0) && !author.contains($0) && englishWords.contains($0.lowercased())
            })
            found += left.sorted().map { "\(page.path): \($0)" }
        }
        return found
    }

    @Test func noEnglishWordFromCoursegenOnAChinesePage() throws {
        #expect(Self.englishWords.count > 300, "the catalog's words were not found")
        let folder = try Self.course()
        defer { folder.remove() }
        let result = Self.build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(Self.englishLeft(in: result, author: try Self.authorWords(folder)) == [])
    }

    /// The example course passes the same scan. It trains three networks, so this is the
    /// slowest test of the suite (about 40 s in a debug build); it runs beside the others.
    @Test func theChineseExampleCourseHasNoEnglishFromCoursegen() throws {
        let folder = try Self.course(from: Self.exampleCourse)
        defer { folder.remove() }
        let result = Self.build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        // Three chapters, the home page, print.html, search.html and the course's references (`references.bib`).
        #expect(Self.pages(result).count == 7)
        // Citations in Chinese author–year style: 和/等, full-width brackets, Latin names as written.
        let initialisation = page(result, "parameter-initialisation.html")
        #expect(initialisation.contains("<a href=\"#ref-he2015\">He 等（2015）</a>"))
        #expect(initialisation.contains("<a href=\"#ref-glorot2010\">Glorot 和 Bengio（2010）</a>"))
        #expect(initialisation.contains("（<a href=\"#ref-saito2018\">斋藤康毅，2018，第 6.2 节</a>）"))
        #expect(page(result, "references.html").contains("<h1 id=\"top\">参考文献</h1>"))
        let left = Self.englishLeft(in: result, author: try Self.authorWords(folder))
        #expect(left == [], "English from coursegen: \(left)")
    }

    /// The scan finds coursegen's English when there is some: the same course in English.
    @Test func theScanFindsEnglishOnTheSameCourseInEnglish() throws {
        let folder = try Self.course { name, text in name == "index.md" ? text.replacing("language: zh-CN", with: "language: en") : text }
        defer { folder.remove() }
        let left = Self.englishLeft(in: Self.build(folder), author: try Self.authorWords(folder))
        for expected in ["bowl.html: Paths", "bowl.html: diverged", "network.html: accuracy", "schedules.html: Learning", "index.html: Chapters"] {
            #expect(left.contains(expected), "\(expected) not in \(left)")
        }
    }

    // MARK: - Languages without strings, and the author's strings

    @Test func aLanguageWithoutStringsWarnsAndMarksTheEnglish() throws {
        let marked = MarkedText("---\ntitle: Cours\nlanguage: 1️⃣fr\n---\nBonjour.\n")
        let folder = TemporaryFolder("fr-course")
        defer { folder.remove() }
        folder.write("chapters/index.md", marked.text)
        folder.write("chapters/01-bol.md", "# Le bol\n\n## Un\n\n## Deux\n\n```experiment\nExperiment(\"Bol\") {\n    Objective(.bowl)\n    Steps(5)\n    SGD(lr: 0.1)\n}\n```\n")
        let result = Self.build(folder)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "no strings for language 'fr'; generated text is in English")
        #expect(warning.location?.file.hasSuffix("index.md") == true)
        #expect(warning.location?.line == marked["1️⃣"].line && warning.location?.column == marked["1️⃣"].column)
        #expect(warning.hint?.contains("strings.yml") == true && warning.hint?.contains("zh-Hans") == true)
        let page = Self.pages(result).first { $0.path == "bol.html" }?.html ?? ""
        #expect(page.contains("<html lang=\"fr\">"))
        #expect(page.contains("<p class=\"chapter-number\" lang=\"en\">Chapter 1</p>"))
        #expect(page.contains("<p class=\"toc-title\" lang=\"en\">On this page</p>"))
        #expect(page.contains(" lang=\"en\">\n<div class=\"cg-objective\">"), "the experiment's section is marked")
        #expect(page.contains("role=\"img\" lang=\"en\" "))
    }

    /// A course whose language has no bundled strings, translated whole in `strings.yml`, needs
    /// neither the warning nor `lang="en"`.
    @Test func aWhollyTranslatedCourseNeedsNoWarning() throws {
        let english = PageStrings.catalog(for: .english)
        let yaml = english.keys.map { key in
            let placeholders = StringCatalog.placeholders(in: english.template(key)).map { "{\($0)}" }.joined(separator: " ")
            return "\(key): \"fr \(placeholders)\""
        }.joined(separator: "\n")
        let folder = TemporaryFolder("fr-whole")
        defer { folder.remove() }
        folder.write("chapters/index.md", "---\ntitle: Cours\nlanguage: fr\n---\nBonjour.\n")
        folder.write("chapters/01-bol.md", "# Le bol\n\n## Un\n\n## Deux\n")
        folder.write("chapters/theme/strings.yml", yaml + "\n")
        let result = Self.build(folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = Self.pages(result).first { $0.path == "bol.html" }?.html ?? ""
        #expect(page.contains("<p class=\"chapter-number\">fr 1</p>"))
        #expect(!page.contains("lang=\"en\""))
    }

    @Test func anEnglishOrChineseCourseCarriesNoExtraLang() throws {
        let folder = try Self.course()
        defer { folder.remove() }
        for page in Self.pages(Self.build(folder)) {
            #expect(page.html.contains("<html lang=\"zh-CN\">"))
            #expect(!page.html.contains("lang=\"en\""), "\(page.path)")
        }
    }

    @Test func theAuthorsStringsReplaceTheBundledOnes() throws {
        let folder = try Self.course()
        defer { folder.remove() }
        folder.write("chapters/theme/strings.yml", "page.onThisPage: \"目录\"\nfigure.start: \"出发点\"\n")
        let result = Self.build(folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let bowl = Self.pages(result).first { $0.path == "bowl.html" }?.html ?? ""
        #expect(bowl.contains("<p class=\"toc-title\">目录</p>"))
        #expect(bowl.contains(">出发点</text>"))
        #expect(!bowl.contains("本页内容"))
    }

    @Test func badAuthorsStringsFailTheBuildAtTheirLine() throws {
        let folder = try Self.course()
        defer { folder.remove() }
        let marked = MarkedText("page.onThisPage: \"目录\"\n1️⃣page.nxt: \"下一页\"\nfigure.diverged: 2️⃣\"{label} 发散\"\n")
        folder.write("chapters/theme/strings.yml", marked.text)
        let result = Self.build(folder)
        #expect(result.files.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["no string is called 'page.nxt'", "'figure.diverged' leaves out the placeholder {step}"])
        #expect(errors.allSatisfy { $0.location?.file.hasSuffix("chapters/theme/strings.yml") == true })
        #expect(errors.map { [$0.location?.line ?? 0, $0.location?.column ?? 0] } == [
            [marked["1️⃣"].line, marked["1️⃣"].column], [marked["2️⃣"].line, marked["2️⃣"].column],
        ])
        #expect(errors[0].hint?.contains("did you mean 'page.next'?") == true)
    }

    @Test func templatesSeeTheStrings() throws {
        let folder = try Self.course()
        defer { folder.remove() }
        folder.write("chapters/theme/pager.mustache", "<p class=\"mine\">{{strings.page.next}} · {{strings.legend.caption}} · {{chapterLabel}}</p>\n")
        let result = Self.build(folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let bowl = Self.pages(result).first { $0.path == "bowl.html" }?.html ?? ""
        #expect(bowl.contains("<p class=\"mine\">下一章 · 图例 · 第 1 章</p>"))
    }
}

/// `coursegen init --language zh-CN` writes a course whose pages show no English from coursegen.
@Suite struct ChineseStarterCourseTests {
    @Test(arguments: [StarterCourse.Language.chineseChina, .chineseSimplified])
    func theChineseStarterCourseHasNoEnglishFromCoursegen(language: StarterCourse.Language) throws {
        let folder = TemporaryFolder("zh-starter")
        defer { folder.remove() }
        _ = try StarterCourseWriter(folder: folder.path + "/chapters").write(StarterCourse(language: language))
        let result = ChineseCourseTests.build(folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(ChineseCourseTests.pages(result).map(\.path) == ["index.html", "gradient-descent.html", "print.html", "references.html", "search.html"])
        let left = ChineseCourseTests.englishLeft(in: result, author: try ChineseCourseTests.authorWords(folder))
        #expect(left == [], "English from coursegen: \(left)")
    }

    /// The scan is not blind here: on the English starter course it finds coursegen's English.
    @Test func theScanFindsEnglishInTheEnglishStarterCourse() throws {
        let folder = TemporaryFolder("en-starter")
        defer { folder.remove() }
        _ = try StarterCourseWriter(folder: folder.path + "/chapters").write(StarterCourse(language: .english))
        let result = ChineseCourseTests.build(folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(!ChineseCourseTests.englishLeft(in: result, author: []).isEmpty)
    }
}
