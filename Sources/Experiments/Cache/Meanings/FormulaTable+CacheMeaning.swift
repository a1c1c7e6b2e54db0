import ExperimentLanguage

extension FormulaTable {
    /// The methods in order. A table computes nothing and is never cached; its meaning is
    /// written all the same, so that every builder states one.
    public var cacheMeaning: CacheMeaning {
        var m = CacheMeaning()
        m.line("formulas", ids.joined(separator: " "))
        return m
    }
}
