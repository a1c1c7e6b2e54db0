import Localization
import NeuralNetworks
import Optimizers

/// The catalog the pages' words come from: the course's, bound by the build while a page is
/// rendered (``StringCatalog/current``), English otherwise.
enum Words {
    static var strings: StringCatalog { StringCatalog.current }

    static func text(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        strings.text(key, arguments)
    }

    static func text(_ key: String, count: Int, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        strings.text(key, count: count, arguments)
    }

    /// A message whose placeholders take markup; its own words are escaped.
    static func html(_ key: String, _ markup: KeyValuePairs<String, String> = [:]) -> String {
        strings.html(key, markup, escape: HTML.escape)
    }

    /// What separates two sentences in markup: a space in English, nothing in Chinese.
    static var sentenceGap: String { strings.language.isUnspaced ? "" : " " }

    static func steps(_ count: Int) -> String { text("count.steps", count: count) }
    static func significant() -> String { text("table.significantDigits", ["digits": String(Numbers.digits)]) }
    static func percent(_ value: String) -> String { text("number.percent", ["value": value]) }

    /// A run's label with its start, when the experiment has several.
    static func fromStart(_ label: String, _ start: [Double]) -> String {
        text("run.fromStart", ["label": label, "start": Numbers.point(start)])
    }

    /// The `lang` attribute generated text needs on a page in another language (a course
    /// whose language coursegen has no strings for), with its leading space; empty otherwise.
    static var languageAttribute: String {
        guard let pageLanguage = PageStrings.pageLanguage, PageStrings.differs(strings, from: pageLanguage) else { return "" }
        return " lang=\"\(strings.language.tag)\""
    }

    /// The `lang` attribute of text that is English on a page in any language (a work cited by
    /// its published title), with its leading space; empty on an English page.
    static var englishTextAttribute: String {
        guard let pageLanguage = PageStrings.pageLanguage,
              CatalogLanguage.serving(pageLanguage)?.tag != CatalogLanguage.english.tag else { return "" }
        return " lang=\"en\""
    }
}

/// The catalogs of the pages: the bundled ones, with the English method texts taken from each
/// method's spec.
public enum PageStrings {
    /// The language of the page being rendered (the course's `language`), bound with the catalog.
    @TaskLocal public static var pageLanguage: String?

    /// The bundled catalog of `language`, completed with the English texts of the methods.
    public static func catalog(for language: CatalogLanguage) -> StringCatalog {
        BundledStrings.catalog(for: language).adding(defaults: englishMethodTexts)
    }

    /// Whether the words of `strings` need a `lang` attribute on a page in `pageLanguage`: when
    /// the catalog is another language's and the author has not replaced every word.
    public static func differs(_ strings: StringCatalog, from pageLanguage: String) -> Bool {
        !strings.isWhollyAuthored && CatalogLanguage.serving(pageLanguage)?.tag != strings.language.tag
    }

    /// Renders with `strings` as the pages' words, on a page in `pageLanguage`.
    public static func with<T>(_ strings: StringCatalog, pageLanguage: String, _ body: () throws -> T) rethrows -> T {
        try StringCatalog.$current.withValue(strings) {
            try $pageLanguage.withValue(pageLanguage, operation: body)
        }
    }

    /// Every method's summary, conditions, notation and hyperparameter names, in English, under
    /// the keys other languages translate them by: `method.<id>.summary`,
    /// `method.<id>.condition.<n>`, `method.<id>.notation.<n>`, `hyperparameter.<name>` (and
    /// `method.<id>.hyperparameter.<name>` where a method means something else by a name).
    public static let englishMethodTexts: [String: StringCatalog.Message] = {
        var texts: [String: StringCatalog.Message] = [:]
        for spec in OptimizerCatalog.all {
            texts["method.\(spec.id).summary"] = .text(spec.summary)
            for (index, condition) in spec.conditions.enumerated() { texts["method.\(spec.id).condition.\(index + 1)"] = .text(condition) }
            for (index, entry) in spec.notation.enumerated() { texts["method.\(spec.id).notation.\(index + 1)"] = .text(entry.meaning) }
            for parameter in spec.hyperparameters {
                let key = MethodWords.hyperparameterKey(parameter)
                if texts[key] == nil || texts[key] == .text(parameter.label) {
                    texts[key] = .text(parameter.label)
                } else {
                    texts["method.\(spec.id).\(key)"] = .text(parameter.label)
                }
            }
        }
        return texts
    }()
}

/// A method's words in the page's language; a name is a proper name and stays.
enum MethodWords {
    static func hyperparameterKey(_ parameter: HyperparameterSpec) -> String {
        "hyperparameter." + (parameter.name.isEmpty ? "unlabeled" : parameter.name)
    }

    static func summary(_ spec: OptimizerSpec) -> String { lookup("method.\(spec.id).summary", english: spec.summary) }

    static func condition(_ spec: OptimizerSpec, _ index: Int) -> String {
        lookup("method.\(spec.id).condition.\(index + 1)", english: spec.conditions[index])
    }

    static func notation(_ spec: OptimizerSpec, _ index: Int) -> String {
        lookup("method.\(spec.id).notation.\(index + 1)", english: spec.notation[index].meaning)
    }

    static func hyperparameter(_ parameter: HyperparameterSpec, of spec: OptimizerSpec) -> String {
        let key = hyperparameterKey(parameter)
        let own = "method.\(spec.id).\(key)"
        if PageStrings.englishMethodTexts[own] != nil { return lookup(own, english: parameter.label) }
        return lookup(key, english: parameter.label)
    }

    /// The catalog's message, or the spec's English when the catalog has none (English pages
    /// rendered without a course's catalog).
    private static func lookup(_ key: String, english: String) -> String {
        Words.strings.messages[key] != nil ? Words.text(key) : english
    }

    /// The initialiser's name in words (`Kaiming (He) normal`).
    static func initialization(_ initialization: Initialization) -> String {
        let key: String
        switch initialization {
        case .uniform: key = "uniform"
        case .normal: key = "normal"
        case .constant: key = "constant"
        case .zeros: key = "zeros"
        case .ones: key = "ones"
        case .xavierUniform: key = "xavierUniform"
        case .xavierNormal: key = "xavierNormal"
        case .kaimingUniform: key = "kaimingUniform"
        case .kaimingNormal: key = "kaimingNormal"
        }
        return Words.text("initialization." + key)
    }
}
