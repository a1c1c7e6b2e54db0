import TextFormatting

/// "Nice" tick positions: multiples of 1, 2 or 5 times a power of ten, and decades on
/// log axes.
public enum Ticks {
    /// Tick values between `lower` and `upper` (inclusive) on a linear axis, aiming for
    /// about `count` intervals: `linear(-7, 3.2, count: 5)` is `[-6, -4, -2, 0, 2]`.
    public static func linear(_ lower: Double, _ upper: Double, count: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return lower.isFinite ? [lower] : [] }
        let step = linearStep(lower, upper, count: count)
        guard step.value.isFinite, step.value > 0 else { return [lower, upper] }
        // Integer multiples of the mantissa, scaled once: 3 × 0.1 must print as 0.3.
        let first = (lower / step.value - 1e-9).rounded(.up)
        let last = (upper / step.value + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        // A step that underflowed or a range the step cannot divide into a few dozen
        // ticks (a window a directive made degenerate) gets its two ends as ticks.
        guard first.isFinite, last.isFinite, last - first <= 1000 else { return [lower, upper] }
        return stride(from: first, through: last, by: 1).map { step.multiple(Math.int($0)) }
    }

    /// The 1-2-5 step for about `count` intervals over `lower…upper`.
    static func linearStep(_ lower: Double, _ upper: Double, count: Int) -> Step {
        let raw = (upper - lower) / Double(max(1, count))
        let exponent = Math.int(raw.log10Floor)
        let residual = raw / NumberFormat.pow10(exponent)
        let mantissa: Int
        // The nearest of 1, 2, 5 and 10 in log scale, so the count lands near `count`.
        if residual < 1.4142 {
            mantissa = 1
        } else if residual < 3.1623 {
            mantissa = 2
        } else if residual < 7.0711 {
            mantissa = 5
        } else {
            return Step(mantissa: 1, exponent: exponent + 1)
        }
        return Step(mantissa: mantissa, exponent: exponent)
    }

    /// The range widened outwards to the nearest ticks of the 1-2-5 step for `count`
    /// intervals, for axes whose range comes from the data.
    public static func niceLinearRange(_ lower: Double, _ upper: Double, count: Int = 5) -> ClosedRange<Double> {
        guard lower.isFinite, upper.isFinite else { return 0...1 }
        if upper <= lower {
            // A constant series: centre it in a unit-wide range of its own magnitude.
            let half = lower == 0 ? 1 : abs(lower) / 2
            return niceLinearRange(lower - half, lower + half, count: count)
        }
        let step = linearStep(lower, upper, count: count)
        guard step.value.isFinite, step.value > 0 else { return lower...upper }
        let first = (lower / step.value + 1e-9).rounded(.down)
        let last = (upper / step.value - 1e-9).rounded(.up)
        guard first.isFinite, last.isFinite, abs(first) < 1e15, abs(last) < 1e15 else { return lower...upper }
        let (low, high) = (step.multiple(Math.int(first)), step.multiple(Math.int(last)))
        return low.isFinite && high.isFinite && low < high ? low...high : lower...upper
    }

    /// Tick values on a log axis: every decade, every second or third when there are many,
    /// and 2 and 5 times a power of ten when the range spans less than two decades.
    public static func log(_ lower: Double, _ upper: Double, count: Int = 6) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
        let firstDecade = Math.int(Math.log10(lower).rounded(.up)).clampedDecade(lower)
        let lastDecade = Math.int(upper.log10Floor)
        let decades = lastDecade - firstDecade + 1
        if decades >= 3 {
            let every = max(1, (decades - 1 + count - 1) / count)
            // Anchor the stride at a multiple of `every`, so the ticks land on
            // 10⁰, 10³, 10⁶… rather than on wherever the data starts.
            var ticks: [Double] = []
            for decade in firstDecade...lastDecade where decade.isMultiple(of: every) {
                ticks.append(NumberFormat.pow10(decade))
            }
            if ticks.count >= 2 { return ticks }
            return stride(from: firstDecade, through: lastDecade, by: every).map(NumberFormat.pow10)
        }
        var ticks: [Double] = []
        for decade in (firstDecade - 1)...(lastDecade + 1) {
            for mantissa in [1, 2, 5] {
                let value = Step(mantissa: mantissa, exponent: decade).value
                if value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) { ticks.append(value) }
            }
        }
        if ticks.count >= 3 { return ticks }
        // Less than a factor of ten: linear ticks read better than a lone decade.
        return linear(lower, upper, count: 4).filter { $0 > 0 }
    }

    /// The range widened to whole decades.
    public static func niceLogRange(_ lower: Double, _ upper: Double) -> ClosedRange<Double> {
        guard lower > 0, upper.isFinite, lower.isFinite else { return 1...10 }
        let a = NumberFormat.pow10(Math.int(lower.log10Floor))
        var bExponent = Math.int(upper.log10Floor)
        if NumberFormat.pow10(bExponent) < upper * (1 - 1e-9) { bExponent += 1 }
        let b = NumberFormat.pow10(bExponent)
        return b > a ? a...b : a...(a * 10)
    }

    /// A tick step, mantissa × 10^exponent with mantissa 1, 2 or 5.
    struct Step: Hashable {
        let mantissa: Int
        let exponent: Int

        var value: Double { multiple(1) }

        /// `k` × step, computed so that decimal steps print exactly (0.1 × 3 is 0.3).
        func multiple(_ k: Int) -> Double {
            let n = Double(k) * Double(mantissa)
            if exponent < -300 { return n / NumberFormat.pow10(-exponent - 300) * 1e-300 }
            return exponent >= 0 ? n * NumberFormat.pow10(exponent) : n / NumberFormat.pow10(-exponent)
        }
    }
}

extension Int {
    /// The first decade at or above `lower`, corrected for `log10`'s rounding at exact
    /// powers of ten.
    fileprivate func clampedDecade(_ lower: Double) -> Int {
        var decade = self
        while NumberFormat.pow10(decade - 1) >= lower * (1 - 1e-12) { decade -= 1 }
        while NumberFormat.pow10(decade) < lower * (1 - 1e-12) { decade += 1 }
        return decade
    }
}
