import CourseDiagnostics
import CourseMarkdown
import MathML
import SyntaxHighlighting

/// The build the `coursegen` command runs: the real math, highlighting and
/// directive handlers wired together.
public enum StandardBuild {
    public static func options(chaptersFolder: String, useCache: Bool) -> BuildOptions {
        BuildOptions(
            directives: DirectiveRegistry([ExperimentDirective()]),
            math: { latex, display, location, diagnostics in
                MathML.render(latex: latex, display: display ? .block : .inline, at: location, diagnostics: &diagnostics)
            },
            highlight: { code, language in
                HighlightLanguage(infoString: language).map { SyntaxHighlighter.highlight(code, language: $0) }
            })
    }
}

/// coursegen's version, shown by `--version` and part of every cache key.
public enum CoursegenVersion {
    public static let string = "0.1.0"
}
