/// The CLDR plural categories a catalog may give forms for (`one`, `other`, …).
public enum PluralCategory: String, CaseIterable, Hashable, Sendable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which category an integer count takes in a language, after CLDR's rules for integers.
public enum PluralRule: Hashable, Sendable {
    /// English and most of western Europe: `one` for 1, `other` otherwise.
    case oneOther
    /// Chinese, Japanese, Korean, …: no grammatical number, always `other`.
    case otherOnly

    public func category(_ count: Int) -> PluralCategory {
        switch self {
        case .oneOther: count == 1 ? .one : .other
        case .otherOnly: .other
        }
    }

    /// The categories a message of this language may have.
    public var categories: [PluralCategory] {
        switch self {
        case .oneOther: [.one, .other]
        case .otherOnly: [.other]
        }
    }
}
