#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library functions the formatter needs, behind one import, so the module stays
/// free of Foundation.
enum LibC {
    static func log10(_ x: Double) -> Double { libcLog10(x) }

    /// `x` as an `Int` for exponents: NaN is 0 and anything beyond ±2⁵³ is clamped there.
    static func int(_ x: Double) -> Int {
        guard !x.isNaN else { return 0 }
        let limit = 9_007_199_254_740_992.0
        return Int(Swift.max(-limit, Swift.min(limit, x)))
    }

    /// `x` written by `vsnprintf` with a one-conversion `format` such as `%.4g`.
    static func format(_ x: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        while true {
            let count = withVaList([x]) { arguments in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
            }
            precondition(count >= 0, "vsnprintf failed on \(format)")
            if Int(count) < buffer.count {
                return String(decoding: buffer[..<Int(count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            buffer = [CChar](repeating: 0, count: Int(count) + 1)
        }
    }
}

// A free function, so that the name inside `LibC` does not shadow libm's.
private func libcLog10(_ x: Double) -> Double { log10(x) }
