import ExperimentLanguage
import FileAccess
import Foundation
import NeuralNetworks

/// Training results kept on disk between builds, so that editing prose does not retrain.
///
/// An entry is keyed by everything its numbers depend on: the directive's text, the
/// dataset's fingerprint, the matrix kernel and coursegen's version. The file's name is a
/// hash of the key, and the file holds the whole key again, the results, and a checksum;
/// an entry whose header, key or checksum does not match is ignored and overwritten, so
/// a corrupt, truncated or foreign file is never trusted. An entry is read only when it is
/// a regular file (not a symbolic link) of at most ``maximumEntryBytes``, its checksum is
/// checked before anything is decoded, and every count and value is checked while
/// decoding, so a forged entry with a valid checksum is ignored too. Entries are written
/// to a temporary file and renamed into place, so a reader never sees half an entry.
public struct ResultCache: Sendable {
    /// The folder of entries (`.coursegen-cache/` beside the chapters folder).
    public let folder: String
    /// coursegen's version, part of every key: a new version may compute different numbers.
    public let version: String
    /// Whether entries are read; `false` (`--no-cache`) runs every training again and
    /// writes fresh entries, which also replaces any that were stale or corrupt.
    public var readsEntries: Bool
    /// Whether fresh results are stored; `false` for `coursegen check`, which writes nothing.
    public var writesEntries: Bool

    /// The largest entry read. The largest the language allows (64 runs of 100,000 iterations,
    /// each loss and learning rate 17 bytes) is about 218 MB; real ones are a few hundred KB.
    public static let maximumEntryBytes = 256 << 20

    public init(folder: String, version: String, readsEntries: Bool = true, writesEntries: Bool = true) {
        self.folder = folder
        self.version = version
        self.readsEntries = readsEntries
        self.writesEntries = writesEntries
    }

    /// The cache for a chapters folder: `.coursegen-cache/` in the folder's parent.
    public static func beside(
        chaptersFolder: String, version: String, readsEntries: Bool = true, writesEntries: Bool = true
    ) -> ResultCache {
        let parent = URL(fileURLWithPath: chaptersFolder).standardizedFileURL.deletingLastPathComponent()
        return ResultCache(folder: parent.appendingPathComponent(".coursegen-cache").path, version: version,
                           readsEntries: readsEntries, writesEntries: writesEntries)
    }

    /// What an entry's numbers depend on, as text, and the file it lives in.
    public struct Key: Hashable, Sendable {
        public let text: String
        public let fileName: String
    }

    /// The key of a training study run with `kernel`; throws when the dataset's files cannot be read.
    public func key(_ study: TrainingStudy, kernel: MatrixKernel) throws(DatasetError) -> Key {
        let text = "kind: training\ncoursegen: \(version)\nkernel: \(kernel.description)\n"
            + "dataset: \(try study.configuration.dataset.fingerprint())\ndirective:\n\(study.source)"
        return Key(text: text, fileName: "training-" + CacheEntry.hex(CacheEntry.fnv1a(Array(text.utf8))))
    }

    /// The path of an entry.
    public func path(of key: Key) -> String { folder + "/" + key.fileName }

    /// The cached report for `key`, or nil when there is none or it cannot be trusted.
    public func report(for key: Key, study: TrainingStudy) -> TrainingReport? {
        guard readsEntries, !folderIsALink,
              let bytes = try? BoundedFile.read(path(of: key), limit: Self.maximumEntryBytes, followingSymlinks: false)
        else { return nil }
        return TrainingReportCoding.decode(bytes, key: key.text, study: study)
    }

    /// Writes the entry for `key`; returns whether it was written.
    @discardableResult
    public func store(_ report: TrainingReport, for key: Key) -> Bool {
        guard writesEntries, !folderIsALink else { return false }
        let bytes = TrainingReportCoding.encode(report, key: key.text)
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A name of its own per writer: two builds (or two equal fences) may store the same key at once.
            let temporary = folder + "/.tmp-\(key.fileName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
            guard manager.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
            if rename(temporary, path(of: key)) != 0 {
                try? manager.removeItem(atPath: temporary)
                return false
            }
            return true
        } catch {
            return false
        }
    }

    /// A cache folder that is a symbolic link (committed to a repository, say) could point
    /// anywhere on the machine: it is neither read nor written.
    private var folderIsALink: Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) != nil
    }
}
