import Foundation

/// Seeded random inputs for robustness tests, and the timings that show a scan is linear.
///
/// The same seed gives the same inputs on every machine, so a failing input can be
/// reproduced from the test's name and arguments alone.
public enum Fuzz {
    /// `count` strings, each 0 … `maxPieces` pieces drawn at random and joined: soups of
    /// fragments that open and close every construct of the input language.
    public static func pieceSoups(_ pieces: [String], seed: UInt64, count: Int, maxPieces: Int) -> [String] {
        precondition(!pieces.isEmpty, "a soup needs pieces")
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...maxPieces, using: &generator)
            var text = ""
            for _ in 0..<length { text += pieces.randomElement(using: &generator)! }
            return text
        }
    }

    /// `count` strings of 0 … `maxBytes` random bytes each, decoded as UTF-8 (invalid
    /// sequences become U+FFFD, as they would when a file is read).
    public static func byteStrings(seed: UInt64, count: Int, maxBytes: Int) -> [String] {
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let bytes = (0..<Int.random(in: 0...maxBytes, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Seconds that `body` takes on an input of 200 and of 4000 repeats, the fastest of three
    /// runs each, after a warm-up of 50; the small time is at least 0.1 ms so that a ratio
    /// stays meaningful.
    ///
    /// Twenty times the input should take about twenty times as long; a test allows a
    /// generous factor (60, say), which a quadratic scan still breaks by far.
    public static func scaling(_ body: (_ repeats: Int) -> Void) -> (small: Double, large: Double) {
        func seconds(_ repeats: Int) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body(repeats)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        _ = seconds(50)
        // The fastest of three: another process taking the core can only make a run slower, so
        // the minimum is the run's own cost (a single large run once measured 68× under load).
        let small = max((0..<3).map { _ in seconds(200) }.min()!, 1e-4)
        return (small, (0..<3).map { _ in seconds(4000) }.min()!)
    }
}
