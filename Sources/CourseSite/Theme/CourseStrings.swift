import CourseDiagnostics
import ExperimentPages
import FileAccess
import Localization

/// The words of a course's pages: the bundled catalog of its `language`, with the author's
/// `theme/strings.yml` applied.
enum CourseStrings {
    static let fileName = "theme/strings.yml"

    /// The catalog for `language` (written at `location` in `index.md`); a language coursegen
    /// has no strings for gets the English ones and a warning, and a `theme/strings.yml` is read
    /// as the theme's other files are (inside the folder, at most a theme file's size).
    static func load(language: String, at location: SourceLocation, folder: ConfinedFolder, diagnostics: inout [Diagnostic]) -> StringCatalog {
        let served = CatalogLanguage.serving(language)
        var strings = PageStrings.catalog(for: served ?? .english)
        if folder.contains(fileName) {
            if let text = Theme.read(fileName, in: folder, diagnostics: &diagnostics) {
                strings = strings.overriding(withYAML: text, file: folder.displayPath(fileName), diagnostics: &diagnostics)
            }
        }
        if served == nil, !strings.isWhollyAuthored {
            diagnostics.append(Diagnostic(
                .warning, "no strings for language '\(language)'; generated text is in English", at: location,
                length: max(1, language.count),
                hint: "translate the keys you need in '\(fileName)' (every key to drop this warning), or add the language to coursegen: "
                    + "README, \"Adding a language's strings\"; languages with strings: "
                    + CatalogLanguage.all.map(\.tag).joined(separator: ", ")))
        }
        return strings
    }
}
