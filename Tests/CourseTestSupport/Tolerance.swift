/// Whether `actual` equals `expected` to within `relative` of |expected|, or within
/// `absolute` where `expected` is near zero: |actual − expected| ≤ max(absolute, relative·|expected|).
///
/// The one tolerance of the tests; each test states both numbers and says why they are
/// what they are (swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`,
/// scaled by the expected value only). NaN is close to nothing.
public func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double) -> Bool {
    if actual == expected { return true }  // equal infinities, which the difference would make NaN
    return abs(actual - expected) <= max(absolute, relative * abs(expected))
}

/// Whether two lists have the same length and are close element by element (see
/// ``isClose(_:_:relative:absolute:)``).
public func isClose(_ actual: some Collection<Double>, _ expected: some Collection<Double>,
                    relative: Double, absolute: Double) -> Bool {
    actual.count == expected.count
        && zip(actual, expected).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}
