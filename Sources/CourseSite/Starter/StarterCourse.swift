/// The course `coursegen init` writes: a home page, one chapter that uses every feature a lecturer
/// reaches for first (an experiment with a claim the build checks, a number inserted from a run,
/// a labelled equation and a reference to it, an exercise with its solution, a citation), its
/// `references.bib`, a `theme/README.md` and a `.gitignore`. It builds and passes `check` as written.
public struct StarterCourse: Sendable {
    /// The languages a starter course is written in, by the tag its `index.md` declares.
    public enum Language: String, CaseIterable, Sendable {
        case english = "en"
        case chineseChina = "zh-CN"
        case chineseSimplified = "zh-Hans"

        var texts: Texts {
            switch self {
            case .english: .english
            case .chineseChina, .chineseSimplified: .chinese
            }
        }
    }

    /// The prose of one language's starter course.
    struct Texts: Sendable {
        var title: String
        var description: String
        /// `index.md` after its front matter.
        var index: String
        var chapter: String
        var references: String
        var themeReadme: String
        var gitignore: String
    }

    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The files, as paths relative to the course folder with their text, in the order they are written.
    public var files: [(path: String, text: String)] {
        let texts = language.texts
        let frontMatter = "---\ntitle: \(texts.title)\ndescription: \(texts.description)\nlanguage: \(language.rawValue)\n---\n\n"
        return [
            ("index.md", frontMatter + texts.index),
            ("01-gradient-descent.md", texts.chapter),
            ("references.bib", texts.references),
            ("theme/README.md", texts.themeReadme),
            (".gitignore", texts.gitignore),
        ]
    }
}
