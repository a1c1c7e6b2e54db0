/// A function of the step written in the directive language, as `LambdaLR`'s `lr_lambda`,
/// `MultiplicativeLR`'s factor or `CyclicLR`'s `scale_fn` take one: `{ step in pow(0.95, step) }`.
///
/// The language compiles the closure; the schedule only calls it. Two functions are the same
/// when their text is, so a schedule stays a value that can be hashed into the result cache.
public struct ScheduleFunction: Hashable, Sendable, CustomStringConvertible {
    /// The closure as written, whitespace normalised: `{ step in pow(0.95, step) }`.
    public let text: String
    private let evaluate: @Sendable (Double) -> Double

    public init(text: String, _ evaluate: @escaping @Sendable (Double) -> Double) {
        self.text = text
        self.evaluate = evaluate
    }

    /// The function's value at `argument` (an epoch, a cycle number).
    public func callAsFunction(_ argument: Double) -> Double { evaluate(argument) }

    public var description: String { text }

    public static func == (a: ScheduleFunction, b: ScheduleFunction) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
