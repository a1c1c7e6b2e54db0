import FileAccess
import Foundation

/// Says which long experiment a build is on (`[3/12] training "Four optimizers on handwritten
/// digits"`), for a person watching a terminal.
///
/// The total is the number of `Training` builders in the chapters, counted from their text
/// before the build starts; every training counts as it is reached, cached or not, but only
/// one that actually trains is announced. Directives render concurrently, so the counter
/// is locked. The caller decides where lines go (standard error, and only on a terminal).
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
        let total = max(self.total, number)
        let write = self.write
        return { write("[\(number)/\(total)] training \"\(title)\"") }
    }

    /// The `Training(` builders in the ```experiment fences of the chapters, read as the
    /// build reads them (bounded, never through a link out of the folder).
    static func countTrainings(chaptersFolder: String) -> Int {
        guard let folder = try? ConfinedFolder(chaptersFolder),
              let names = try? FileManager.default.contentsOfDirectory(atPath: chaptersFolder) else { return 0 }
        var count = 0
        for name in names.sorted() {
            guard name.hasSuffix(".md"), let data = try? folder.read(name, limit: SiteLimits.chapterBytes) else { continue }
            var inFence = false
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("```") {
                    inFence = inFence ? false : trimmed.dropFirst(3).hasPrefix("experiment")
                } else if inFence, trimmed.hasPrefix("Training(") {
                    count += 1
                }
            }
        }
        return count
    }
}
