#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few libm functions the plotter needs, behind one import, so the module stays
/// free of Foundation.
enum Math {
    static func log10(_ x: Double) -> Double { libmLog10(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
    static func cos(_ x: Double) -> Double { libmCos(x) }
    static func sin(_ x: Double) -> Double { libmSin(x) }
}

// Free functions, so that the names inside `Math` do not shadow libm's.
private func libmLog10(_ x: Double) -> Double { log10(x) }
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func libmCos(_ x: Double) -> Double { cos(x) }
private func libmSin(_ x: Double) -> Double { sin(x) }
