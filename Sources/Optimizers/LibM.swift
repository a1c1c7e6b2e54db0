#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The libm functions the methods, schedules and samplers call, behind one import, so the
/// module stays free of Foundation. They are the C library's own, not approximations:
/// trajectories match PyTorch's, which calls the same functions, bit for bit.
enum LibM {
    static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
    static func exp(_ x: Double) -> Double { libmExp(x) }
    static func log(_ x: Double) -> Double { libmLog(x) }
    static func log1p(_ x: Double) -> Double { libmLog1p(x) }
    static func cos(_ x: Double) -> Double { libmCos(x) }
}

// Free functions, so that the names inside `LibM` do not shadow libm's.
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmLog1p(_ x: Double) -> Double { log1p(x) }
private func libmCos(_ x: Double) -> Double { cos(x) }
