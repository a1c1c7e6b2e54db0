import FileAccess

extension DatasetSource {
    /// A short text that changes whenever the data this source yields could change, for result-cache keys.
    ///
    /// Generated datasets are determined by their parameters and the seed, so their
    /// fingerprint is their description; the embedded digits hash their encoded text; MNIST
    /// folders hash the bytes of their four IDX files (FNV-1a, 64-bit), so replacing a file
    /// invalidates cached results. Throws what `split` would throw for a missing file.
    /// The largest dataset file read (MNIST's training images are 44.9 MiB).
    public static var maximumFileBytes: Int { IDXFile.maximumBytes }

    public func fingerprint() throws(DatasetError) -> String {
        switch self {
        case .digits:
            return Self.digitsFingerprint
        case .spirals, .moons, .blobs:
            return "\(self)"
        case .mnist(let path):
            var hashes = [String]()
            for file in MNISTDataset.fileNames {
                let filePath = MNISTDataset.path(folder: path, file: file)
                let data: [UInt8]
                do {
                    data = try BoundedFile.read(filePath, limit: IDXFile.maximumBytes)
                } catch {
                    throw DatasetError(error, path: filePath, missingHint: MNISTDataset.missingFileHint(filePath))
                }
                hashes.append("\(file) fnv1a:\(String(Self.fnv1a(data), radix: 16))")
            }
            return "mnist " + hashes.joined(separator: " ")
        }
    }

    /// The embedded digits' fingerprint, hashed once a process: every training on them asks,
    /// and the text is 133 KB.
    private static let digitsFingerprint = "digits fnv1a:\(String(fnv1a(DigitsDataset.encoded.utf8), radix: 16))"

    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
