import Foundation

/// Seeded random courses for the pipeline's fuzz suite: chapters with front matter, every
/// Markdown construct (nested, linked, escaped and not), hostile URLs, adversarial headings
/// and `experiment` fences, valid and mutated. A round is reproduced from its seed alone.
public enum CourseFuzz {
    /// What a chapter may never publish: the text of a file outside the chapters folder.
    public static let secret = "SECRET-7f3a9c-NOT-FOR-THE-SITE"

    /// A course: files by path relative to the course folder (chapters in `chapters/`,
    /// `secret.txt` beside it).
    public struct Course: Sendable {
        public var files: [(path: String, text: String)]
        public var seed: UInt64
    }

    /// The course of round `seed`: one to three chapters, sometimes an `index.md`, an
    /// image the chapters may link, and the secret outside the folder.
    ///
    /// Half the rounds are hostile (script URLs, paths out of the folder, broken front
    /// matter and directives, deep nesting) and mostly fail; the other half use only what a
    /// build accepts (raw HTML, colliding headings, footnotes, valid directives, safe links)
    /// and mostly succeed, so that the properties of written pages are checked often.
    public static func course(seed: UInt64) -> Course {
        var g = SeededGenerator(state: seed)
        let hostile = Bool.random(using: &g)
        var files: [(String, String)] = [("secret.txt", secret + "\n"), ("chapters/img/a.png", "PNG-bytes\n")]
        // Always three chapters, so that links between them resolve.
        for (k, name) in ["a", "b", "c"].enumerated() {
            files.append(("chapters/0\(k + 1)-\(name).md", chapter(&g, hostile: hostile)))
        }
        if Bool.random(using: &g) { files.append(("chapters/index.md", chapter(&g, hostile: hostile))) }
        if hostile, Int.random(in: 0..<4, using: &g) == 0 { files.append(themes.randomElement(using: &g)!) }
        return Course(files: files, seed: seed)
    }

    /// Theme files a hostile course brings along: script, handlers, script URLs, and
    /// front matter written unescaped.
    static let themes: [(String, String)] = [
        ("chapters/theme/page.mustache", "<html><head><script>alert(1)</script></head><body>{{{body}}}</body></html>\n"),
        ("chapters/theme/page.mustache", "<html><body onload=alert(1)>{{{body}}}</body></html>\n"),
        ("chapters/theme/pager.mustache", "<a href=\" java&#115;cript:alert(1)\">x</a>\n"),
        ("chapters/theme/page.mustache", "<html><body><p>{{{title}}}</p>{{{description}}}{{{body}}}</body></html>\n"),
        ("chapters/theme/sidebar.mustache", "{{#chapters}}<a href=\"{{href}}\">{{{title}}}</a>{{/chapters}}\n"),
    ]

    /// Whether round `seed`'s course is a hostile one.
    public static func isHostile(seed: UInt64) -> Bool {
        var g = SeededGenerator(state: seed)
        return Bool.random(using: &g)
    }

    /// Writes the course into `folder`.
    public static func write(_ course: Course, into folder: TemporaryFolder) {
        for (path, text) in course.files { folder.write(path, text) }
    }

    static func chapter(_ g: inout SeededGenerator, hostile: Bool) -> String {
        var text = hostile ? frontMatters.randomElement(using: &g)! : cleanFrontMatters.randomElement(using: &g)!
        var gen = Generator(g: g, hostile: hostile)
        text += "# " + words.randomElement(using: &gen.g)! + "\n\n## Part\n\n"
        for _ in 0..<Int.random(in: 1...12, using: &gen.g) { text += gen.block(depth: 0) + "\n" }
        g = gen.g
        return text
    }

    static let frontMatters = [
        "", "", "",
        "---\ntitle: Fuzzed <script>alert(1)</script>\norder: 2\n---\n",
        "---\ntitle: [unclosed\n---\n",
        "---\ntitle: x\n",
        "---\ndraft: yes please\ndescription: \"javascript:alert(1)\"\n---\n",
        "---\ntitel: typo\norder: -99999999999999999999\n---\n",
        "---\n- a list\n---\n",
        "---\ntitle: &a [*a]\n---\n",
        "---\ntitle: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n---\n",
        "---\nlanguage: \"en\\\" onload=\\\"alert(1)\"\nauthor: <b>x</b>\ntitle: T\n---\n",
    ]

    static let cleanFrontMatters = [
        "", "", "---\ntitle: Clean <script>alert(1)</script> & more\norder: 2\n---\n",
        "---\ndescription: 'x\" onload=\"alert(1)'\ntitle: javascript:alert(1)\n---\n",
        "---\nlanguage: 'en\" onload=\"alert(1)'\nauthor: <b onclick=\"x\">A</b>\n---\n",
    ]

    /// Link and image destinations: hostile, broken, outside the folder, and fine.
    public static let urls = [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java&#115;cript:alert(1)", "<java\tscript:alert(1)>", "< javascript:alert(1)>",
        "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "java%73cript:alert(1)", "&#x6A;avascript:x", "file:///etc/passwd",
        "https://example.org/a?b#c", "mailto:a@example.org", "//example.org", "#part", "#fn-1", "#xd1-p-s0", "#nope",
        "02-b.md", "02-b.md#part", "01-a.md#section-fn-1", "missing.md", "img/a.png", "img/../img/a.png", "img/missing.png",
        "../secret.txt", "../../secret.txt", "img/../../secret.txt", "%2e%2e/secret.txt", "/etc/passwd", "secret.txt",
        "chapters/../secret.txt", "img", ".", "",
    ]

    /// Destinations every build accepts.
    public static let safeURLs = [
        "https://example.org/a?b#c", "HTTP://example.org", "mailto:a@example.org", "//example.org", "#part", "02-b.md",
        "02-b.md#part", "03-c.md#part", "img/a.png", "img/../img/a.png", "./img/a.png", "01-a.md",
    ]

    static let words = ["alpha", "beta", "fn-1", "xd1 p s0", "content", "top", "Step size", "<script>", "émoji 🙂", "x_1", "a*b", "$5"]

    /// Draws chapter text; a clean generator draws only what a build accepts.
    struct Generator {
        var g: SeededGenerator
        var hostile: Bool

        mutating func inline(depth: Int) -> String {
            let word = CourseFuzz.words.randomElement(using: &g)!
            let url = hostile ? CourseFuzz.urls.randomElement(using: &g)! : CourseFuzz.safeURLs.randomElement(using: &g)!
            let inner = depth < 3 ? inline(depth: depth + 1) : word
            switch Int.random(in: 0..<22, using: &g) {
            case 0: return "*\(inner)*"
            case 1: return "**\(inner)**"
            case 2: return "~~\(inner)~~"
            case 3: return "[\(inner)](\(url))"
            case 4: return "![\(word)](\(url))"
            case 5: return url.hasPrefix("<") ? url : "<\(url)>"
            case 6: return "`\(word)`"
            case 7: return "$x_\(Int.random(in: 0...9, using: &g))^2 + \\frac{a}{b}$"
            case 8: return hostile ? ["$\\frac{$", "$$\\begin{matrix}$$", "$\\unknown{x}$", "$x$$"].randomElement(using: &g)! : "$$\\sqrt{2}$$"
            case 9: return "[^\(Int.random(in: 1...3, using: &g))]"
            case 10: return ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
                             "<!-- c -->", "<style>*{}</style>"].randomElement(using: &g)!
            case 11: return ["&amp;", "&#0;", "&#x110000;", "&lt;script&gt;", "\\*", "\\$"].randomElement(using: &g)!
            case 12: return "[\(word)][ref]"
            case 13: return "www.example.org"
            case 14: return "  \n"
            default: return word + " "
            }
        }

        mutating func paragraph() -> String {
            (0..<Int.random(in: 1...8, using: &g)).map { _ in inline(depth: 0) }.joined(separator: " ")
        }

        mutating func block(depth: Int) -> String {
            switch Int.random(in: 0..<16, using: &g) {
            case 0: return String(repeating: "#", count: Int.random(in: 1...6, using: &g)) + " " + CourseFuzz.words.randomElement(using: &g)! + "\n"
            case 1: return "## " + paragraph() + "\n"
            case 2, 3: return paragraph() + "\n"
            case 4: return depth < 4 ? block(depth: depth + 1).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n") + "\n" : "> q\n"
            case 5: return depth < 4 ? "- " + block(depth: depth + 1).replacingOccurrences(of: "\n", with: "\n  ") + "\n- [ ] task\n" : "1. x\n"
            case 6: return "| a | b |\n|:--|--:|\n| \(inline(depth: 0)) | \(inline(depth: 0)) |\n"
            case 7: return "[^\(Int.random(in: 1...3, using: &g))]: " + paragraph() + "\n"
            case 8: return "[ref]: \(hostile ? CourseFuzz.urls.randomElement(using: &g)! : "https://example.org")\n"
            case 9: return "```swift\nlet x = \"<script>\"\n```\n"
            case 10: return "$$\n\\sum_{i=1}^n x_i\n$$\n"
            case 11: return nesting()
            case 12, 13: return "```experiment\n" + directive() + "\n```\n"
            case 14: return "<div onclick=\"alert(1)\">\n<script>alert(1)</script>\n</div>\n"
            default: return "---\n"
            }
        }

        /// Nesting near and beyond ``maximumNesting``-style limits.
        mutating func nesting() -> String {
            let n = (hostile ? [5, 60, 99, 100, 101, 300, 5_000] : [5, 30]).randomElement(using: &g)!
            switch Int.random(in: 0..<(hostile ? 8 : 5), using: &g) {
            case 5: return "$" + String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n) + "$\n"
            case 6: return "```experiment\nExperiment(\"t\") {\n    Objective { x, y in " + String(repeating: "(", count: n)
                + "x" + String(repeating: ")", count: n) + " }\n    SGD(lr: 0.1)\n}\n```\n"
            case 7: return "$$" + String(repeating: "\\frac{", count: n) + "x" + String(repeating: "}{y}", count: n) + "$$\n"
            case 0: return String(repeating: ">", count: n) + " x\n"
            case 1: return String(repeating: "*", count: n) + "x" + String(repeating: "*", count: n) + "\n"
            case 2: return String(repeating: "- ", count: min(n, 400)) + "x\n"
            case 3: return String(repeating: "![", count: n) + "x" + String(repeating: "](img/a.png)", count: n) + "\n"
            default: return String(repeating: "[", count: n) + "x" + String(repeating: "](02-b.md)", count: n) + "\n"
            }
        }

        /// Numbers a directive may hold. Extremes that plotting cannot yet take (issue 11,
        /// item 5, fixed on another branch) stay in the corpus's `pending/` folder.
        static let numbers = ["0.1", "0.5", "1", "3", "0x10", "0b11", "0o7", "1_0", "0x1p-3", "1e309", "-2", "0", "2.5e-1", "7", "0x", "1e"]

        static let directives = [
            """
            Experiment("Bowl #N") {
                Objective { x, y in x * x / 20 + y * y }
                Start(-N, 2)
                Steps(N)
                SGD(lr: N)
                Adam(lr: N).label("A")
                Expect("A", closerThan: "SGD")
            }
            """,
            """
            Experiment("Rosen") {
                Objective(.rosenbrock)
                Steps(N)
                Momentum(lr: 0.001, momentum: 0.9)
            }
            """,
            """
            Schedule("s") {
                Steps(N)
                SGD(lr: N).schedule(.step(every: N, gamma: 0.5)).label("step")
            }
            """,
            """
            Average("a") {
                Series(.noisySine(period: N, amplitude: 1, noise: 0.5), samples: 50)
                MovingAverage(window: N)
                ExponentialAverage(beta: 0.9, biasCorrection: true)
            }
            """,
            "Formulas(.sgd, .momentum, .adam)",
            "Experiment(\"<script>alert(1)</script>\") { Objective { x in x * x }\n Start(N)\n Steps(N)\n SGD(lr: N) }",
        ]

        static let fragments = ["(", ")", "{", "}", ",", ":", "\"", "\\", "...", ".", "-", "*", "\n", "Steps(", "x", "0x", "let", "/*"]

        /// Whole numbers every statement of ``directives`` accepts.
        static let cleanNumbers = ["1", "3", "0x5", "0b11", "1_0", "0o7", "0x10"]

        mutating func directive() -> String {
            var text = Self.directives.randomElement(using: &g)!
            if !hostile {
                // Claims may be false and a large learning rate diverges: a clean fence has neither.
                text = text.replacingOccurrences(of: "    Expect(\"A\", closerThan: \"SGD\")\n", with: "")
                    .replacingOccurrences(of: "lr: N", with: "lr: 0x1p-4")
            }
            while let range = text.range(of: "N") {
                text.replaceSubrange(range, with: (hostile ? Self.numbers : Self.cleanNumbers).randomElement(using: &g)!)
            }
            if hostile, Int.random(in: 0..<3, using: &g) == 0 {
                var chars = Array(text)
                for _ in 0..<Int.random(in: 1...3, using: &g) where !chars.isEmpty {
                    let at = Int.random(in: 0..<chars.count, using: &g)
                    if Bool.random(using: &g) { chars.remove(at: at) } else { chars.insert(contentsOf: Self.fragments.randomElement(using: &g)!, at: at) }
                }
                text = String(chars)
            }
            return text
        }
    }

    /// Problems with a finished build's output: files outside the site's own or the
    /// chapters folder's, the secret, script, or a repeated id.
    public static func outputProblems(_ files: [(path: String, bytes: [UInt8])]) -> [String] {
        var problems: [String] = []
        let secretBytes = Array(secret.utf8)
        for (path, bytes) in files {
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") { problems.append("\(path) lies outside the site") }
            if bytes.count >= secretBytes.count, contains(bytes, secretBytes) { problems.append("\(path) publishes the secret") }
            guard path.hasSuffix(".html") else { continue }
            var html = String(decoding: bytes, as: UTF8.self)
            // search.html, and only it, runs its own two scripts (issue 15, item 4).
            if path == "search.html" {
                for element in PageScan.searchScripts {
                    if let range = html.range(of: element) { html.replaceSubrange(range, with: "") }
                }
            }
            problems += PageScan.scriptProblems(in: html).map { "\(path): \($0)" }
            let ids = PageScan.ids(in: html)
            let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            if !repeated.isEmpty { problems.append("\(path) repeats ids \(repeated)") }
        }
        return problems
    }

    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Lines of coursegen's standard error that report an error without `path:line:col:`.
    public static func unlocatedErrors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.contains("error: ") && !$0.hasPrefix("hint:") && !$0.hasPrefix(" ") }.filter { line in
            let head = line.components(separatedBy: ": error: ").first ?? ""
            let parts = head.split(separator: ":")
            return !(line.contains(": error: ") && parts.count >= 3 && Int(parts[parts.count - 1]) != nil && Int(parts[parts.count - 2]) != nil)
        }.map(String.init)
    }

    /// Runs `body` for rounds 0, 1, 2, … until `rounds` are done or `seconds` have passed;
    /// returns the rounds run and the time taken, which the suite prints for CI's log.
    public static func timed(rounds: Int, seconds: Double, _ body: (_ round: Int) throws -> Void) rethrows -> (rounds: Int, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var done = 0
        while done < rounds, elapsed() < seconds {
            try body(done)
            done += 1
        }
        return (done, elapsed())
    }
}
