#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExperimentLanguage
import FileAccess
import Foundation
import NeuralNetworks

/// Results kept on disk between builds, so that a fence whose numbers cannot have changed
/// never computes again.
///
/// Every builder that computes has entries: `Training`, `Experiment`, `Schedule`,
/// `Average` and `Activations`. An entry holds numbers only, never HTML: pages are rendered
/// from them, with the directive as it is now, by the binary. It is keyed by everything its
/// numbers depend on and nothing else: the kind, the directive's checked meaning
/// (``RunnableDirective/cacheMeaning``: objective, starts, steps, seed, each run's method
/// with every hyperparameter, the network and dataset…), coursegen's version, the revision
/// of the language's semantics (``semantics``), and for networks the matrix kernel (and a
/// training's dataset fingerprint). So editing a label, a colour, a title, a caption, a
/// comment, whitespace or a claim reruns nothing; the page shows the edit with the cached
/// numbers. The file's name is a hash of the key, and the file holds the whole key again,
/// the results, and a checksum (``CacheEntry``);
/// an entry whose header, key or checksum does not match is ignored and overwritten, so
/// a corrupt, truncated or foreign file is never trusted. An entry is read only when it is
/// a regular file (not a symbolic link) of at most ``maximumEntryBytes``, its checksum is
/// checked before anything is decoded, and every count and value is checked while
/// decoding, so a forged entry with a valid checksum is ignored too. Entries are written
/// to a temporary file and renamed into place, so a reader never sees half an entry.
public struct ResultCache: Sendable {
    /// The folder of entries (`.coursegen-cache/` in the chapters folder).
    public let folder: String
    /// coursegen's version, part of every key: a new version may compute different numbers.
    public let version: String
    /// Whether entries are read; `false` (`--no-cache`) runs every directive again and
    /// writes fresh entries, which also replaces any that were stale or corrupt.
    public var readsEntries: Bool
    /// Whether fresh results are stored; `build`, `check` and `run` all store them.
    public var writesEntries: Bool

    /// The revision of what a directive means, part of every key. A change to what the
    /// engine computes from the same meaning (a catalog default, a `Training` default such as
    /// its sampling, a new number an entry stores) must bump this, or entries computed under
    /// the old meaning would be reused. 2: LBFGS defaults to no line search and maxEval 25.
    /// 3: a run an `effectiveLearningRate:` claim is about stores its effective learning rates.
    /// 4: a training's entry holds its validation set's size and accuracies (3 was used twice,
    /// by two branches merged together, so entries written by either are refused).
    /// 5: keys hold the directive's checked meaning instead of its text; entries under the
    /// old text keys are simply never found again (and can be deleted with the folder).
    public static let semantics = 5

    /// The largest entry read. The largest the language allows are a training of 64 runs of
    /// 100,000 iterations (each loss and learning rate 17 bytes, about 218 MB) and a
    /// `Schedule` of 64 calls of 100,000 steps with their 2-D runs (each rate, loss and
    /// coordinate 8 bytes, and with `effectiveLearningRate:` claims on every run two
    /// effective learning rates per step: about 358 MB, 342 MiB); real ones are a few hundred KB.
    public static let maximumEntryBytes = 384 << 20

    public init(folder: String, version: String, readsEntries: Bool = true, writesEntries: Bool = true) {
        self.folder = folder
        self.version = version
        self.readsEntries = readsEntries
        self.writesEntries = writesEntries
    }

    /// The name of the cache's folder, inside the chapters folder.
    public static let folderName = ".coursegen-cache"

    /// The cache of a chapters folder (or of the folder of the file `coursegen run` runs):
    /// `.coursegen-cache/` inside it, so that the course's own `.gitignore` ignores it and
    /// the course moves with its results. The loader skips it (its name starts with a dot)
    /// and no chapter may link into it.
    public static func inside(
        folder: String, version: String, readsEntries: Bool = true, writesEntries: Bool = true
    ) -> ResultCache {
        let folder = URL(fileURLWithPath: folder).standardizedFileURL.appendingPathComponent(folderName)
        return ResultCache(folder: folder.path, version: version, readsEntries: readsEntries, writesEntries: writesEntries)
    }

    /// What an entry's numbers depend on, as text, and the file it lives in.
    public struct Key: Hashable, Sendable {
        public let text: String
        public let fileName: String
    }

    /// The key of a training study run with `kernel`; throws when the dataset's files cannot be read.
    public func key(_ study: TrainingStudy, kernel: MatrixKernel) throws(DatasetError) -> Key {
        key(kind: "training", ["kernel: \(kernel.description)", "dataset: \(try study.configuration.dataset.fingerprint())"],
            meaning: study.cacheMeaning)
    }

    /// The key of an experiment: its runs use the optimizer kernels, whose bits do not depend
    /// on the machine, so the kernel is not part of it.
    public func key(_ experiment: Experiment) -> Key { key(kind: "experiment", [], meaning: experiment.cacheMeaning) }

    /// The key of a schedule study (its rates and the runs on its objective).
    public func key(_ study: ScheduleStudy) -> Key { key(kind: "schedule", [], meaning: study.cacheMeaning) }

    /// The key of an average study.
    public func key(_ study: AverageStudy) -> Key { key(kind: "average", [], meaning: study.cacheMeaning) }

    /// The key of an activations study, whose forward passes are matrix products run with `kernel`.
    public func key(_ study: ActivationsStudy, kernel: MatrixKernel) -> Key {
        key(kind: "activations", ["kernel: \(kernel.description)"], meaning: study.cacheMeaning)
    }

    private func key(kind: String, _ lines: [String], meaning: CacheMeaning) -> Key {
        let text = "kind: \(kind)\ncoursegen: \(version)\nsemantics: \(Self.semantics)\n" + lines.map { $0 + "\n" }.joined()
            + "meaning:\n" + meaning.text
        return Key(text: text, fileName: kind + "-" + CacheEntry.hex(CacheEntry.fnv1a(Array(text.utf8))))
    }

    /// The path of an entry.
    public func path(of key: Key) -> String { folder + "/" + key.fileName }

    /// The cached result of `source` under `key`, or nil when there is none or it cannot be trusted.
    func result<Coding: ResultCoding>(_ coding: Coding.Type, for key: Key, of source: Coding.Source) -> Coding.Result? {
        data(for: key).flatMap { Coding.decode($0, of: source) }
    }

    /// Writes the entry of `result` for `key` (encoded only when the cache writes); returns
    /// whether it was written.
    @discardableResult
    func store<Coding: ResultCoding>(_ result: Coding.Result, as coding: Coding.Type, for key: Key) -> Bool {
        guard writesEntries else { return false }
        let bytes = Coding.encode(result)
        let (prefix, suffix) = CacheEntry.frame(key: key.text, data: bytes)
        return write([prefix, bytes, suffix], for: key)
    }

    /// The data section of the entry for `key`, read only as a bounded regular file, once its
    /// checksum, header and whole key match.
    private func data(for key: Key) -> ArraySlice<UInt8>? {
        guard readsEntries, !folderIsALink,
              let bytes = try? BoundedFile.read(path(of: key), limit: Self.maximumEntryBytes, followingSymlinks: false)
        else { return nil }
        return CacheEntry.data(in: bytes, key: key.text)
    }

    /// Writes `pieces` in turn to a temporary file and renames it into place, so a reader
    /// never sees half an entry.
    private func write(_ pieces: [[UInt8]], for key: Key) -> Bool {
        guard writesEntries, !folderIsALink else { return false }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return false
        }
        // A name of its own per writer: two builds (or two equal fences) may store the same key at once.
        let temporary = folder + "/.tmp-\(key.fileName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return false }
        var written = true
        for piece in pieces where written {
            written = writeAll(piece, to: descriptor)
        }
        if close(descriptor) != 0 { written = false }
        guard written, rename(temporary, path(of: key)) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// A cache folder that is a symbolic link (committed to a repository, say) could point
    /// anywhere on the machine: it is neither read nor written.
    private var folderIsALink: Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) != nil
    }
}

/// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}

extension ResultCache {
    /// `compute()` through `cache`: a valid entry under `key` is read back instead of
    /// computing; otherwise `willRun` is called, `compute` runs and its result is written (a
    /// write that fails only costs the next build its speed). Without a cache it just runs.
    /// An error of `key` or `compute` stops it, and nothing is written.
    static func through<Coding: ResultCoding, Failure: Error>(
        _ cache: ResultCache?, _ coding: Coding.Type, of source: Coding.Source,
        key: (ResultCache) throws(Failure) -> Key, willRun: (() -> Void)?,
        compute: () throws(Failure) -> Coding.Result
    ) throws(Failure) -> Coding.Result {
        guard let cache else {
            willRun?()
            return try compute()
        }
        let key = try key(cache)
        if let result = cache.result(coding, for: key, of: source) { return result }
        willRun?()
        let result = try compute()
        cache.store(result, as: coding, for: key)
        return result
    }
}
