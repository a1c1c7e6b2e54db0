/// What a highlighted token is; each kind is one CSS class.
enum TokenKind: String, CaseIterable, Sendable {
    case keyword, literal, string, escape, interpolation, number, comment, type, function, attribute
    case `operator`, variable, prompt, output

    var className: String { "hl-" + rawValue }
}
