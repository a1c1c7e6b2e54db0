import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import Experiments
import MathML
import SyntaxHighlighting

/// The build the `coursegen` command runs: the real math, highlighting and
/// directive handlers wired together.
public enum StandardBuild {
    /// The directives coursegen knows: ```experiment fences.
    public static let directives = DirectiveRegistry([ExperimentDirective()])

    /// The options of a build of `chaptersFolder`.
    ///
    /// Results of every builder that computes are cached in `.coursegen-cache/` inside the
    /// chapters folder; `useCache: false` runs everything again (and refreshes the entries);
    /// `storesResults: false` reads entries but writes none. `progress`,
    /// when given, receives one line per training that actually runs
    /// (`[3/12] training "…"`).
    public static func options(
        chaptersFolder: String, useCache: Bool = true, storesResults: Bool = true, budget: CostBudget = .standard,
        progress: (@Sendable (String) -> Void)? = nil
    ) -> BuildOptions {
        let cache = ResultCache.inside(folder: chaptersFolder, version: CoursegenVersion.string,
                                       readsEntries: useCache, writesEntries: storesResults)
        var options = BuildOptions(
            directives: directives,
            math: { latex, display, location, diagnostics in
                MathML.render(latex: latex, display: display ? .block : .inline, at: location, diagnostics: &diagnostics)
            },
            highlight: { code, language in
                HighlightLanguage(infoString: language).map { SyntaxHighlighter.highlight(code, language: $0) }
            })
        options.mathText = { MathML.plainText(latex: $0) }
        options.budget = budget
        options.cache = cache
        options.progress = progress
        return options
    }
}

/// coursegen's version, shown by `--version` and part of every cache key.
public enum CoursegenVersion {
    public static let string = "0.1.0"
}
