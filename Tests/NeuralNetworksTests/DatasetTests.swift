import Foundation
import Testing

@testable import NeuralNetworks

@Suite struct DatasetTests {
    @Test func embeddedDigitsAreSklearnsCopy() {
        let digits = DigitsDataset.data
        #expect(digits.count == 1797 && digits.featureCount == 64 && digits.classCount == 10)
        // Figures computed from sklearn/datasets/data/digits.csv.gz with Python.
        let perClass = (0..<10).map { label in digits.labels.filter { $0 == label }.count }
        #expect(perClass == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.features.reduce(0, +) * 16 == 561_718)
        #expect(Array(digits.sample(0).prefix(8)).map { $0 * 16 } == [0, 0, 5, 13, 9, 1, 0, 0])
        #expect(digits.labels[1796] == 8 && digits.sample(1796).map { $0 * 16 }.reduce(0, +) == 392)
    }

    @Test func splitIsSeededAndDisjoint() throws {
        let a = try DatasetSource.digits.split(testFraction: 0.2, seed: 0)
        let b = try DatasetSource.digits.split(testFraction: 0.2, seed: 0)
        let c = try DatasetSource.digits.split(testFraction: 0.2, seed: 1)
        #expect(a == b && a != c)
        #expect(a.train.count == 1437 && a.test.count == 360, "⌈0.2 · 1797⌉ = 360 test samples, as train_test_split")
        let pixelTotal: Double = a.train.features.reduce(0, +) + a.test.features.reduce(0, +)
        #expect(pixelTotal * 16 == 561_718)
    }

    @Test(arguments: [DatasetSource.spirals(), .moons(), .blobs(), .spirals(samplesPerClass: 50, classes: 4, noise: 0)])
    func generatedDatasetsAreSeededTwoDimensional(_ source: DatasetSource) throws {
        let a = try source.split(testFraction: 0.25, seed: 9)
        #expect(a == (try source.split(testFraction: 0.25, seed: 9)))
        #expect(a != (try source.split(testFraction: 0.25, seed: 10)))
        #expect(a.train.featureCount == 2 && a.train.features.allSatisfy(\.isFinite))
        #expect(Set(a.train.labels + a.test.labels).count == a.train.classCount)
    }

    @Test func moonsFollowMakeMoonsWithoutNoise() throws {
        let moons = try DatasetSource.moons(samples: 5, noise: 0).split(testFraction: 0.2, seed: 0)
        let all = zip(moons.train.labels + moons.test.labels, stride(from: 0, to: 10, by: 2).map { i in
            let f = moons.train.features + moons.test.features
            return (f[i], f[i + 1])
        })
        // Outer moon (label 0): ⌊5/2⌋ = 2 points (1, 0) and (−1, 0); inner: (0, 0.5), (1, −0.5), (2, 0.5).
        let points = Set(all.map { "\($0.0):\(($0.1.0 * 1e9).rounded() / 1e9),\(($0.1.1 * 1e9).rounded() / 1e9)" })
        #expect(points == ["0:1.0,0.0", "0:-1.0,0.0", "1:0.0,0.5", "1:1.0,-0.5", "1:2.0,0.5"])
    }

    @Test(arguments: [
        (DatasetSource.spirals(samplesPerClass: 1), 0.2), (.moons(samples: 100, noise: -1), 0.2), (.blobs(centers: 1), 0.2),
        (.digits, 0), (.digits, 1), (.moons(samples: 4, noise: 0.1), 0.99),
    ])
    func badParametersAreErrorValues(_ source: DatasetSource, _ fraction: Double) {
        #expect(throws: DatasetError.self) { try source.split(testFraction: fraction, seed: 0) }
    }
}

/// The MNIST loader on small IDX files written here.
@Suite struct MNISTTests {
    static func idx(_ dimensions: [Int], _ values: [UInt8], type: UInt8 = 0x08) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for d in dimensions { bytes += [UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
        return bytes + values
    }

    /// A folder with 3 training and 2 test images of 2×3 pixels.
    static func folder(_ name: String, files: [String: [UInt8]]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-mnist-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (file, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + file)) }
        return path
    }

    static let valid: [String: [UInt8]] = [
        "train-images-idx3-ubyte": idx([3, 2, 3], (0..<18).map { UInt8($0 * 15) }),
        "train-labels-idx1-ubyte": idx([3], [7, 0, 9]),
        "t10k-images-idx3-ubyte": idx([2, 2, 3], [UInt8](repeating: 255, count: 12)),
        "t10k-labels-idx1-ubyte": idx([2], [1, 2]),
    ]

    @Test func readsTheOfficialSplitScaledToUnitRange() throws {
        let path = try Self.folder("valid", files: Self.valid)
        let split = try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0)
        #expect(split.train.count == 3 && split.test.count == 2 && split.train.featureCount == 6)
        #expect(split.train.labels == [7, 0, 9] && split.train.classCount == 10)
        #expect(split.train.sample(1).first == 90.0 / 255 && split.test.features.allSatisfy { $0 == 1 })
    }

    @Test func acceptsTheDottedFileNamesOfSomeMirrors() throws {
        var files = [String: [UInt8]]()
        for (name, bytes) in Self.valid { files[name.replacingOccurrences(of: "-idx", with: ".idx")] = bytes }
        let path = try Self.folder("dotted", files: files)
        #expect(try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0).test.count == 2)
    }

    @Test func missingFilesSayWhatIsExpected() throws {
        var files = Self.valid
        files["t10k-labels-idx1-ubyte"] = nil
        let path = try Self.folder("missing", files: files)
        #expect(throws: DatasetError.missingFile(
            path: path + "/t10k-labels-idx1-ubyte",
            hint: "the MNIST folder must hold the four uncompressed IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)"
        )) { try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0) }
    }

    @Test func aGzippedFileIsNamed() throws {
        var files = Self.valid
        files["train-images-idx3-ubyte.gz"] = [0x1F, 0x8B, 8, 0]
        files["train-images-idx3-ubyte"] = nil
        let path = try Self.folder("gz", files: files)
        #expect(throws: DatasetError.missingFile(
            path: path + "/train-images-idx3-ubyte",
            hint: "'\(path)/train-images-idx3-ubyte.gz' is there: decompress it with gunzip (coursegen reads uncompressed IDX files)"
        )) { try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0) }
    }

    @Test(arguments: [
        ([0x1F, 0x8B, 8, 0], "it is gzip-compressed; decompress it with gunzip first"),
        ([0, 0], "shorter than the 4-byte header"),
        ([1, 0, 8, 1, 0, 0, 0, 0], "the magic number does not start with two zero bytes"),
        (idx([2], [1, 2], type: 0x0D), "type code 0xd is not 0x08 (unsigned bytes)"),
        ([0, 0, 8, 2, 0, 0, 0], "the header is cut short"),
        (idx([3], [1, 2]), "dimensions [3] need 3 bytes of data, the file has 2"),
        (idx([3], [1, 2, 3, 4]), "dimensions [3] need 3 bytes of data, the file has 4"),
        (idx([0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], []), "its dimensions [4294967295] need more bytes than the file has"),
    ] as [([UInt8], String)])
    func malformedFilesAreErrorValues(_ bytes: [UInt8], _ reason: String) {
        #expect(throws: DatasetError.malformed(path: "f", reason: reason)) { try IDXFile.parse(bytes, path: "f") }
    }

    @Test func labelsAndImagesMustAgreeInCount() throws {
        var files = Self.valid
        files["train-labels-idx1-ubyte"] = Self.idx([2], [1, 2])
        let path = try Self.folder("count", files: files)
        #expect(throws: DatasetError.self) { try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0) }
    }
}

extension MNISTTests {
    @Test func fingerprintsChangeWithTheData() throws {
        let path = try Self.folder("fingerprint", files: Self.valid)
        let before = try DatasetSource.mnist(path: path).fingerprint()
        #expect(before == (try DatasetSource.mnist(path: path).fingerprint()))
        try Data(Self.idx([3], [7, 0, 8])).write(to: URL(fileURLWithPath: path + "/train-labels-idx1-ubyte"))
        #expect(before != (try DatasetSource.mnist(path: path).fingerprint()))
        #expect(throws: DatasetError.self) { try DatasetSource.mnist(path: path + "-absent").fingerprint() }
        #expect(try DatasetSource.digits.fingerprint() == DatasetSource.digits.fingerprint())
        #expect(try DatasetSource.moons(samples: 10).fingerprint() != DatasetSource.moons(samples: 11).fingerprint())
    }
}

/// IDX files are bounded before they are read (issue 11, items 10 and 12).
extension MNISTTests {
    @Test func largeImagesAreRefusedBeforeAnythingIsAllocated() throws {
        // One 65536×65536 image: a 4 GiB sparse file whose header agrees with its size,
        // which used to be read whole and then abort allocating 32 GiB of doubles.
        let path = try Self.folder("large", files: Self.valid)
        let images = path + "/train-images-idx3-ubyte"
        try Data(Self.idx([1, 65536, 65536], [])).write(to: URL(fileURLWithPath: images))
        #expect(truncate(images, 16 + (1 << 32)) == 0)
        let started = Date()
        let expected = DatasetError.unreadable(path: images, reason: "is \(16 + (1 << 32)) bytes; the limit is \(IDXFile.maximumBytes)")
        #expect(throws: expected) { try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0) }
        #expect(throws: expected) { try DatasetSource.mnist(path: path).fingerprint() }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func aHeaderThatDisagreesWithTheFileSizeIsRefusedBeforeTheDataIsRead() throws {
        let path = try Self.folder("header", files: Self.valid)
        let images = path + "/train-images-idx3-ubyte"
        try Data(Self.idx([60000, 4096, 4096], [1, 2, 3])).write(to: URL(fileURLWithPath: images))
        #expect(throws: DatasetError.malformed(path: images, reason: "its dimensions [60000] need more bytes than the file has")) {
            try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0)
        }
    }

    @Test func aDeviceOrPipeIsNotADatasetFile() throws {
        let path = try Self.folder("device", files: Self.valid)
        let images = path + "/train-images-idx3-ubyte"
        try FileManager.default.removeItem(atPath: images)
        try FileManager.default.createSymbolicLink(atPath: images, withDestinationPath: "/dev/zero")
        #expect(throws: DatasetError.unreadable(path: images, reason: "is not a regular file but a device")) {
            try DatasetSource.mnist(path: path).split(testFraction: 0.5, seed: 0)
        }
        try FileManager.default.removeItem(atPath: images)
        #expect(mkfifo(images, 0o600) == 0)
        #expect(throws: DatasetError.unreadable(path: images, reason: "is not a regular file but a named pipe")) {
            try DatasetSource.mnist(path: path).fingerprint()
        }
    }
}
