import Foundation

/// Says which long experiment a build is on (`[3/12] training "Four optimizers on handwritten
/// digits"`), for a person watching a terminal.
///
/// The total is the number of `Training` builders that ``CollectDirectives`` checked; every
/// training counts as it is reached, cached or not, but only one that actually trains is
/// announced. Pages run concurrently, so the counter is locked. The caller decides where lines go (standard error, and only on a terminal).
final class BuildProgress: @unchecked Sendable {
    let total: Int
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var reached = 0

    init(total: Int, write: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.write = write
    }

    /// Counts one training and returns how to announce it, should it need to train.
    func reach(_ title: String) -> @Sendable () -> Void {
        let number = lock.withLock {
            reached += 1
            return reached
        }
        let total = self.total
        let write = self.write
        return { write("[\(number)/\(total)] training \"\(title)\"") }
    }
}
