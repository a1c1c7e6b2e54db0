import TextFormatting

/// The words a figure writes inside itself: legend entries for its marks, the notes on paths
/// that stop short, and the tooltips of markers.
///
/// The plotter draws; which words it draws comes from the page that asks for the figure
/// (ExperimentPages' `FigureWords`), so a course in another language can say them in its
/// own. Templates name their blanks in braces: `{label}`, `{step}`, `{class}`, `{at}`.
/// ``english`` is the default.
public struct FigureVocabulary: Hashable, Sendable {
    /// Legend entry of the start marker.
    public var start: String
    /// Legend entry of the end marker.
    public var end: String
    /// Legend entry of the known minimum's plus sign.
    public var minimum: String
    /// Legend entry of a hollow test point (decision regions).
    public var testPoint: String
    /// Legend entry of a class: `{class}` is its number.
    public var classLabel: String
    /// Tooltip of a marker after step `{step}`.
    public var step: String
    /// Tooltip of the minimum's plus sign: `{at}` is its position.
    public var minimumAt: String
    /// Note on a run that diverged: `{label}` and `{step}`.
    public var diverged: String
    /// Note on a path that starts outside the plot: `{label}`.
    public var startsOutside: String
    /// Note on a path that leaves the plot: `{label}` and `{step}`.
    public var leaves: String
    /// Legend entry of a dashed path or curve: the point a schedule-free run is evaluated at.
    public var evaluatedPoint = "dashed: evaluated point x"
    /// Name of the iterate of a run that also draws its evaluated point: `{label}`.
    public var iterateOf = "{label}, iterate y"
    /// Name of the evaluated point of a run: `{label}`.
    public var evaluatedOf = "{label}, evaluated x"
    /// Whether the language writes without spaces between its own characters (Chinese): a
    /// filled template then drops the spaces ``EastAsianSpacing/tidy(_:)`` drops, as the page's
    /// catalog does, so "{label} 在第 {step} 步发散" with "随机梯度下降" reads "随机梯度下降在第 5 步发散".
    public var isUnspaced = false
    /// What separates a tooltip's parts: the series from the step (", " or "，").
    public var comma = ", "
    /// What separates a tooltip's step from its position (": " or "：").
    public var colon = ": "

    public init(
        start: String, end: String, minimum: String, testPoint: String, classLabel: String, step: String, minimumAt: String,
        diverged: String, startsOutside: String, leaves: String, isUnspaced: Bool = false,
        comma: String = ", ", colon: String = ": "
    ) {
        self.isUnspaced = isUnspaced
        self.comma = comma
        self.colon = colon
        self.start = start
        self.end = end
        self.minimum = minimum
        self.testPoint = testPoint
        self.classLabel = classLabel
        self.step = step
        self.minimumAt = minimumAt
        self.diverged = diverged
        self.startsOutside = startsOutside
        self.leaves = leaves
    }

    public static let english = FigureVocabulary(
        start: "start", end: "end", minimum: "minimum", testPoint: "test point (hollow)", classLabel: "class {class}",
        step: "step {step}", minimumAt: "minimum at {at}", diverged: "{label} diverged at step {step} ↗",
        startsOutside: "{label} starts outside the plot", leaves: "{label} leaves the plot at step {step}")

    /// `template` with each `{name}` replaced by its value and spaced as the language spaces
    /// its text (``isUnspaced``).
    public func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        let filled = Self.fill(template, values)
        return isUnspaced ? EastAsianSpacing.tidy(filled) : filled
    }

    /// `template` with each `{name}` replaced by its value, in one pass (a label that
    /// contains braces is not filled in again); unknown names stay as written.
    public static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            if let value = values.first(where: { $0.key == name })?.value {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
