import CourseDiagnostics

/// A number in a chapter's prose taken from a result on the same page, written as a code
/// span that starts with `=`: `` `=Result("AdaGrad", .finalDistance, decimals: 2)` ``.
///
/// The page's directives run before its prose is rendered, so the span is replaced by the
/// rounded number and the prose cannot drift from its figure.
public struct ResultReference: Hashable, Sendable {
    /// What a reference can quote about one run.
    public enum Quantity: Hashable, Sendable {
        /// An `Experiment` run's f at its last point.
        case finalLoss
        /// f − f* at the last point; needs a known minimum value.
        case finalGap
        /// The distance from the last point to the nearest known minimiser.
        case finalDistance
        /// The last point's coordinates.
        case finalX, finalY
        /// f after step `n` (0 is the start).
        case lossAt(Int)
        /// The 1-based step at which the run diverged, or SWATS switched to SGD.
        case divergedAt, switchedAt
        /// A `Training` run's final test, training or validation accuracy (a fraction) and training loss.
        case testAccuracy, trainAccuracy, validationAccuracy, trainLoss

        /// Every quantity's name, as written after the dot.
        public static let names = [
            "finalLoss", "finalGap", "finalDistance", "finalX", "finalY", "lossAt", "divergedAt", "switchedAt",
            "testAccuracy", "trainAccuracy", "validationAccuracy", "trainLoss",
        ]

        /// Whether the quantity is a step number, written without rounding.
        public var isStep: Bool { self == .divergedAt || self == .switchedAt }

        /// Whether an `Experiment` (rather than a `Training`) has it.
        public var isExperimentQuantity: Bool {
            switch self {
            case .testAccuracy, .trainAccuracy, .validationAccuracy, .trainLoss: return false
            default: return true
            }
        }

        /// The quantity as written: `.finalLoss`, `.lossAt(50)`.
        public var spelling: String {
            switch self {
            case .finalLoss: return ".finalLoss"
            case .finalGap: return ".finalGap"
            case .finalDistance: return ".finalDistance"
            case .finalX: return ".finalX"
            case .finalY: return ".finalY"
            case .lossAt(let step): return ".lossAt(\(step))"
            case .divergedAt: return ".divergedAt"
            case .switchedAt: return ".switchedAt"
            case .testAccuracy: return ".testAccuracy"
            case .trainAccuracy: return ".trainAccuracy"
            case .validationAccuracy: return ".validationAccuracy"
            case .trainLoss: return ".trainLoss"
            }
        }
    }

    /// How the number is written.
    public enum Rounding: Hashable, Sendable {
        /// `decimals: 2` → 0.12: a fixed number of digits after the point.
        case decimals(Int)
        /// `significant: 3` → 0.000123: significant digits.
        case significant(Int)
        /// `percent: 1` → 97.5: the fraction times 100, with that many decimals (the prose writes the %).
        case percent(Int)
        /// A step number, as it is.
        case integer
    }

    /// The run's label.
    public var label: String
    /// The title of the directive that has the run; `nil`: the one directive on the page with that label.
    public var title: String?
    public var quantity: Quantity
    /// 0-based start of an `Experiment`; `nil`: its only start.
    public var start: Int?
    public var rounding: Rounding
    /// The code span's text and where it is.
    public var text: String
    public var location: SourceLocation

    /// Whether a code span's text is a reference: it starts with `=`.
    public static func isReference(_ text: String) -> Bool { text.hasPrefix("=") }
}
