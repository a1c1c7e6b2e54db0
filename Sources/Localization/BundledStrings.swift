/// The catalogs compiled into coursegen, one file per language (`BundledStrings+en.swift`,
/// `BundledStrings+zh-Hans.swift`), each a YAML text parsed once.
///
/// Keys are dotted: the first part says where the words go (`page.` for the templates'
/// chrome, `figure.`, `axis.`, `caption.`, `table.`, `setup.`, …). A message's placeholders
/// are named in braces; a message with plural forms maps CLDR categories to texts.
public enum BundledStrings {
    /// The bundled catalog of `language`, parsed on first use.
    public static func catalog(for language: CatalogLanguage) -> StringCatalog {
        language.tag == CatalogLanguage.english.tag ? englishCatalog : parsed[language.tag] ?? englishCatalog
    }

    static let englishCatalog = StringCatalog.bundled(.english)
    static let englishMessages = englishCatalog.messages
    private static let parsed: [String: StringCatalog] = Dictionary(
        uniqueKeysWithValues: CatalogLanguage.all.dropFirst().map { ($0.tag, StringCatalog.bundled($0)) })
}
