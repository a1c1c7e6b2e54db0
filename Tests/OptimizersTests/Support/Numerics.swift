import CourseTestSupport
import Foundation

func sinValue(_ x: Double) -> Double { Foundation.sin(x) }
func cosValue(_ x: Double) -> Double { Foundation.cos(x) }
func expValue(_ x: Double) -> Double { Foundation.exp(x) }
func powValue(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
func logValue(_ x: Double) -> Double { Foundation.log(x) }

/// The first index where two point lists differ beyond the tolerances (``isClose(_:_:relative:absolute:)``),
/// with both values.
func firstMismatch(
    _ actual: [[Double]], _ expected: [[Double]], relative: Double = 1e-9, absolute: Double = 1e-12
) -> String? {
    if actual.count != expected.count { return "\(actual.count) points, expected \(expected.count)" }
    for (k, (a, e)) in zip(actual, expected).enumerated() {
        guard a.count == e.count else { return "point \(k) has \(a.count) coordinates, expected \(e.count)" }
        for i in 0..<a.count where !isClose(a[i], e[i], relative: relative, absolute: absolute) {
            return "point \(k) coordinate \(i): \(a[i]) vs \(e[i])"
        }
    }
    return nil
}
