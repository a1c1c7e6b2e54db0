/// Numbers as a directive would write them: `1`, `0.5`, `1e-08`, `-7`.
public enum NumberText {
    /// Integral values without a fraction, others in Swift's shortest round-tripping form.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
