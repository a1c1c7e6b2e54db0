import Experiments

/// `coursegen run` without `--json`: each output's own section (a plain table per experiment),
/// in file order.
public enum RunSummaryText {
    public static func render(_ outputs: [RunOutput]) -> String {
        outputs.map(\.runText).joined()
    }
}
