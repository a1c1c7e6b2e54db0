import ExperimentLanguage
import Foundation
import NeuralNetworks

/// Training results kept on disk between builds, so that editing prose does not retrain.
///
/// An entry is keyed by everything its numbers depend on: the directive's text, the
/// dataset's fingerprint, the matrix kernel and coursegen's version. The file's name is a
/// hash of the key, and the file holds the whole key again, the results, and a checksum;
/// an entry whose header, key or checksum does not match is ignored and overwritten, so
/// a corrupt, truncated or foreign file is never trusted. Entries are written to a
/// temporary file and renamed into place, so a reader never sees half an entry.
public struct ResultCache: Sendable {
    /// The folder of entries (`.coursegen-cache/` beside the chapters folder).
    public let folder: String
    /// coursegen's version, part of every key: a new version may compute different numbers.
    public let version: String
    /// Whether entries are read; `false` (`--no-cache`) runs every training again and
    /// writes fresh entries, which also replaces any that were stale or corrupt.
    public var readsEntries: Bool

    public init(folder: String, version: String, readsEntries: Bool = true) {
        self.folder = folder
        self.version = version
        self.readsEntries = readsEntries
    }

    /// The cache for a chapters folder: `.coursegen-cache/` in the folder's parent.
    public static func beside(chaptersFolder: String, version: String, readsEntries: Bool = true) -> ResultCache {
        let parent = URL(fileURLWithPath: chaptersFolder).standardizedFileURL.deletingLastPathComponent()
        return ResultCache(folder: parent.appendingPathComponent(".coursegen-cache").path, version: version, readsEntries: readsEntries)
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
        return Key(text: text, fileName: "training-" + TrainingReportCoding.hex(TrainingReportCoding.fnv1a(Array(text.utf8))))
    }

    /// The path of an entry.
    public func path(of key: Key) -> String { folder + "/" + key.fileName }

    /// The cached report for `key`, or nil when there is none or it cannot be trusted.
    public func report(for key: Key, study: TrainingStudy) -> TrainingReport? {
        guard readsEntries, let data = FileManager.default.contents(atPath: path(of: key)) else { return nil }
        return TrainingReportCoding.decode(Array(data), key: key.text, study: study)
    }

    /// Writes the entry for `key`; returns whether it was written.
    @discardableResult
    public func store(_ report: TrainingReport, for key: Key) -> Bool {
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
}
