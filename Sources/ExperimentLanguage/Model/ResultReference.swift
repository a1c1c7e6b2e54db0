import CourseDiagnostics

/// A number in a chapter's prose taken from a result on the same page, written as a code
/// span that starts with `=`: `` `=Result("AdaGrad", .finalDistance, decimals: 2)` ``.
///
/// The page's directives run before its prose is rendered, so the span is replaced by the
/// rounded number and the prose cannot drift from its figure.
public struct ResultReference: Hashable, Sendable {
    /// What a reference can quote about one run; which directives have which is ``RunKind/quantities``.
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
        /// The rate at which the distance to the nearest minimiser shrinks per step over the
        /// window (``Expectation/measuredRate(_:over:)``), written `.rate(over: 20...100)`.
        case rate(over: ClosedRange<Int>)
        /// η_n, the learning rate of the 0-based optimizer step `n` (as a `Schedule` counts it).
        case learningRateAt(Int)
        /// The 1-based step at which the run diverged, or SWATS switched to SGD.
        case divergedAt, switchedAt
        /// A `Training` run's final test, training or validation accuracy (a fraction) and training loss.
        case testAccuracy, trainAccuracy, validationAccuracy, trainLoss
        /// An `Average` line's value a_t at the 1-based observation `t`, and at the last one.
        case valueAt(Int), finalValue
        /// An `Average` line's total variation Σ |a_{t+1} − a_t| and root-mean-square distance
        /// to the clean signal, over the whole series (what `smootherThan:` and `closerThan:` compare).
        case totalVariation, rmsDistance
        /// An `Activations` row's standard deviation of the activations of the 1-based layer `n`,
        /// and the fraction of them at the histogram's ends (what `stdAbove:` and `saturatedAbove:` measure).
        case stdAt(Int), saturatedAt(Int)

        /// Every quantity's name, as written after the dot.
        public static let names = [
            "finalLoss", "finalGap", "finalDistance", "finalX", "finalY", "lossAt", "rate", "learningRateAt", "divergedAt", "switchedAt",
            "testAccuracy", "trainAccuracy", "validationAccuracy", "trainLoss",
            "valueAt", "finalValue", "totalVariation", "rmsDistance", "stdAt", "saturatedAt",
        ]

        /// The quantities written without an argument, by name.
        public static let simple: [String: Quantity] = [
            "finalLoss": .finalLoss, "finalGap": .finalGap, "finalDistance": .finalDistance, "finalX": .finalX, "finalY": .finalY,
            "divergedAt": .divergedAt, "switchedAt": .switchedAt,
            "testAccuracy": .testAccuracy, "trainAccuracy": .trainAccuracy,
            "validationAccuracy": .validationAccuracy, "trainLoss": .trainLoss,
            "finalValue": .finalValue, "totalVariation": .totalVariation, "rmsDistance": .rmsDistance,
        ]

        /// The quantities that take one whole number, by name, with its smallest value and what it counts.
        public static let indexed: [String: (make: @Sendable (Int) -> Quantity, first: Int, what: String)] = [
            "lossAt": (Quantity.lossAt, 0, "step"),
            "learningRateAt": (Quantity.learningRateAt, 0, "step"),
            "valueAt": (Quantity.valueAt, 1, "observation"),
            "stdAt": (Quantity.stdAt, 1, "layer"),
            "saturatedAt": (Quantity.saturatedAt, 1, "layer"),
        ]

        /// Whether the quantity is a step number, written without rounding.
        public var isStep: Bool { self == .divergedAt || self == .switchedAt }

        /// The quantity's name, as written after the dot, without its argument.
        public var name: String {
            switch self {
            case .finalLoss: "finalLoss"
            case .finalGap: "finalGap"
            case .finalDistance: "finalDistance"
            case .finalX: "finalX"
            case .finalY: "finalY"
            case .lossAt: "lossAt"
            case .rate: "rate"
            case .learningRateAt: "learningRateAt"
            case .divergedAt: "divergedAt"
            case .switchedAt: "switchedAt"
            case .testAccuracy: "testAccuracy"
            case .trainAccuracy: "trainAccuracy"
            case .validationAccuracy: "validationAccuracy"
            case .trainLoss: "trainLoss"
            case .valueAt: "valueAt"
            case .finalValue: "finalValue"
            case .totalVariation: "totalVariation"
            case .rmsDistance: "rmsDistance"
            case .stdAt: "stdAt"
            case .saturatedAt: "saturatedAt"
            }
        }

        /// The quantity as written: `.finalLoss`, `.lossAt(50)`.
        public var spelling: String {
            switch self {
            case .lossAt(let n), .learningRateAt(let n), .valueAt(let n), .stdAt(let n), .saturatedAt(let n): ".\(name)(\(n))"
            case .rate(let steps): ".rate(over: \(steps.lowerBound)...\(steps.upperBound))"
            default: ".\(name)"
            }
        }
    }

    /// The kinds of directive whose runs a reference can name, each with the quantities it has.
    public enum RunKind: Hashable, Sendable, CaseIterable {
        case experiment
        /// A `Schedule` with an `Objective`: an `Experiment`'s quantities and the learning rate.
        case scheduleOnObjective
        /// A `Schedule` without one: only the learning rate.
        case schedule
        case training
        case average
        case activations

        /// Every quantity name a run of this kind has, in the order the reference lists them.
        public var quantities: [String] {
            switch self {
            case .experiment, .scheduleOnObjective:
                ["finalLoss", "finalGap", "finalDistance", "finalX", "finalY", "lossAt", "rate", "learningRateAt", "divergedAt", "switchedAt"]
            case .schedule: ["learningRateAt"]
            case .training: ["testAccuracy", "trainAccuracy", "validationAccuracy", "trainLoss", "learningRateAt", "divergedAt", "switchedAt"]
            case .average: ["valueAt", "finalValue", "totalVariation", "rmsDistance"]
            case .activations: ["stdAt", "saturatedAt"]
            }
        }

        /// Whether a run of this kind has `quantity`.
        public func has(_ quantity: Quantity) -> Bool { quantities.contains(quantity.name) }

        /// The quantities as a reader writes them: `.finalLoss, .lossAt(n), …`.
        public var quantityList: String {
            quantities.map { $0 == "rate" ? ".rate(over: a...b)" : Quantity.indexed[$0] == nil ? ".\($0)" : ".\($0)(n)" }
                .joined(separator: ", ")
        }

        /// What its runs are called: `run`, an `Average`'s `line`, an `Activations` study's `row`.
        public var noun: String {
            switch self {
            case .average: "line"
            case .activations: "row"
            default: "run"
            }
        }

        /// The directive, as a message names it: `an Experiment`, `a Schedule without an Objective`.
        public var directive: String {
            switch self {
            case .experiment: "an Experiment"
            case .scheduleOnObjective: "a Schedule with an Objective"
            case .schedule: "a Schedule without an Objective"
            case .training: "a Training"
            case .average: "an Average"
            case .activations: "an Activations study"
            }
        }

        /// What one of its runs is: `a run of an Experiment`, `a line of an Average`.
        public var runPhrase: String { "a \(noun) of \(directive)" }
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
    /// 0-based start of an `Experiment` (or a `Schedule`'s objective); `nil`: its only start.
    public var start: Int?
    public var rounding: Rounding
    /// `point:`, which point of an `Experiment`'s run the number is read at; `nil`: not stated,
    /// the iterate.
    public var point: RunPoint?
    /// The code span's text and where it is.
    public var text: String
    public var location: SourceLocation

    /// Whether a code span's text is a reference: it starts with `=`.
    public static func isReference(_ text: String) -> Bool { text.hasPrefix("=") }
}
