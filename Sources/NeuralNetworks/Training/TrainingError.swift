/// Why a training experiment could not run at all (a run that diverges is a result, not an error).
public enum TrainingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `TrainingConfiguration.validationErrors` was not empty.
    case invalidConfiguration([String])
    /// The dataset could not be loaded.
    case dataset(DatasetError)

    public var description: String {
        switch self {
        case .invalidConfiguration(let messages): messages.joined(separator: "; ")
        case .dataset(let error): error.description
        }
    }
}
