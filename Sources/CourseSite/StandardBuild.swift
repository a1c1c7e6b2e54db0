import CourseDiagnostics
import CourseMarkdown
import MathML

/// The build the `coursegen` command runs: the real math, highlighting and
/// directive handlers wired together.
public enum StandardBuild {
    public static func options(chaptersFolder: String, useCache: Bool) -> BuildOptions {
        BuildOptions(
            directives: DirectiveRegistry(),
            math: { latex, display, location, diagnostics in
                MathML.render(latex: latex, display: display ? .block : .inline, at: location, diagnostics: &diagnostics)
            },
            highlight: { _, _ in nil })
    }
}

/// coursegen's version, shown by `--version` and part of every cache key.
public enum CoursegenVersion {
    public static let string = "0.1.0"
}
