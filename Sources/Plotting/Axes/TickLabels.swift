import TextFormatting

/// Compact, deterministic tick labels: as few digits as the tick step needs, a true
/// minus sign, and powers of ten written with superscripts (`10⁻³`, `2×10⁵`).
public enum TickLabels {
    /// One label per tick, in the same order.
    public static func labels(for ticks: [Double], scale: AxisScale) -> [String] {
        switch scale {
        case .linear: return linear(ticks)
        case .log: return log(ticks)
        }
    }

    static func linear(_ ticks: [Double]) -> [String] {
        guard ticks.count >= 2 else { return ticks.map { NumberFormat.significant($0, digits: 3, trimmingZeros: true) } }
        // The step's decade, with slack for 0.9 − 0.8 = 0.09999999999999998.
        let step = (ticks[ticks.count - 1] - ticks[0]) / Double(ticks.count - 1)
        let stepExponent = Math.int((step * (1 + 1e-9)).log10Floor)
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e5 || (largest < 1e-3 && largest > 0) {
            // One power of ten for all labels, mantissas down to the step's decade:
            // 0, 5×10⁴… would mix exponents, so 0, 0.5×10⁵, 1×10⁵, 1.5×10⁵.
            let topExponent = Math.int(largest.log10Floor)
            let decimals = max(0, topExponent - stepExponent)
            let power = "×10" + NumberFormat.superscript(topExponent)
            return ticks.map { value in
                if value == 0 { return "0" }
                let mantissa = value / NumberFormat.pow10(topExponent)
                return NumberFormat.decimal(mantissa, decimals: decimals, trim: true, minus: NumberFormat.minus) + power
            }
        }
        let decimals = max(0, -stepExponent)
        return ticks.map { NumberFormat.decimal($0, decimals: decimals, trim: false, minus: NumberFormat.minus) }
    }

    static func log(_ ticks: [Double]) -> [String] {
        let plain = ticks.allSatisfy { $0 >= 1e-3 && $0 < 1e4 }
        return ticks.map { value in
            if plain { return NumberFormat.significant(value, digits: 4, trimmingZeros: true) }
            let exponent = Math.int(value.log10Floor)
            let mantissa = (value / NumberFormat.pow10(exponent)).rounded()
            let power = "10" + NumberFormat.superscript(exponent)
            return mantissa == 1 ? power : NumberFormat.fixed(mantissa, decimals: 0) + "×" + power
        }
    }
}
