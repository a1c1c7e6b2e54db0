/// Writes the data section of the binary entry kinds (experiments, schedules, averages,
/// activations): every number one little-endian 64-bit word, doubles as their IEEE 754 bit
/// patterns, so a cached build reproduces a cold one bit for bit; arrays and strings are
/// preceded by their count.
///
/// Binary rather than text because an experiment's entry holds up to 64 runs of 100,001
/// points: 205 MB as words, which reads in a fraction of a second, where hex tokens would
/// take longer to parse than the runs take to compute.
struct EntryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func word(_ w: UInt64) {
        withUnsafeBytes(of: w.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ n: Int) { word(UInt64(bitPattern: Int64(n))) }
    mutating func double(_ x: Double) { word(x.bitPattern) }

    /// 0 for nil, or 1 and the value.
    mutating func optionalInt(_ n: Int?) {
        if let n {
            int(1)
            int(n)
        } else {
            int(0)
        }
    }

    mutating func doubles(_ xs: [Double]) {
        int(xs.count)
        // One bulk append, which grows the buffer geometrically: on a little-endian machine a
        // double's bytes are already its bit pattern's little-endian word.
        #if _endian(little)
        xs.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for x in xs { double(x) }
        #endif
    }

    mutating func ints(_ ns: [Int]) {
        int(ns.count)
        for n in ns { int(n) }
    }

    /// The UTF-8 byte count, then the bytes.
    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }
}
