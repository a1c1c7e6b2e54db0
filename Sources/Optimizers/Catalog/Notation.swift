/// Symbols that several methods' formulas share, each with one meaning everywhere.
enum Notation {
    static let gradient = (latex: "g_t", meaning: "gradient of f at the previous iterate")

    /// Adam's gradient and moments, which its variants' formulas repeat.
    static let adamMoments: [(latex: String, meaning: String)] = [
        gradient, ("m_t", "first moment (mean of gradients)"), ("v_t", "second moment (mean of squared gradients)"),
    ]
}
