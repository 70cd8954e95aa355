import Foundation

extension Scale {
    /// About six round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) whose first and last enclose `lower...upper`.
    static func linearTicks(from lower: Double, to upper: Double) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return [lower.isFinite ? lower : 0] }
        let raw = (upper - lower) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? 10 * magnitude
        let first = floor(lower / step + 1e-9)
        let last = ceil(upper / step - 1e-9)
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// Tick labels with as many decimals as the finest tick needs (0.001 stays "0.001", 2.50 becomes "2.5").
    static func labels(_ ticks: [Double]) -> [String] {
        let decimals = (0...6).first { decimals in
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            return ticks.allSatisfy { abs($0 * scale - ($0 * scale).rounded()) < 1e-6 * max(1, abs($0 * scale)) }
        } ?? 6
        return ticks.map { SVG.number($0, decimals: decimals) }
    }

    /// Ticks for a log axis over `lower...upper` (both > 0): 1-2-5 per decade, finer for narrow ranges,
    /// only 10ⁿ for wide ones; the first and last enclose the range.
    static func logTicks(from lower: Double, to upper: Double) -> [Double] {
        let decades = log10(upper) - log10(lower)
        let mantissas: [Double] =
            decades < 0.5 ? [1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9]
            : decades < 1.2 ? [1, 1.5, 2, 3, 5, 7]
            : decades < 3 ? [1, 2, 5]
            : [1]
        var candidates: [Double] = []
        for exponent in Int(floor(log10(lower))) - 1...Int(ceil(log10(upper))) + 1 {
            for mantissa in mantissas {
                candidates.append((mantissa * pow(10, Double(exponent)) * 1e9).rounded() / 1e9)
            }
        }
        let below = candidates.last { $0 <= lower * (1 + 1e-9) } ?? lower
        let above = candidates.first { $0 >= upper * (1 - 1e-9) } ?? upper
        return candidates.filter { $0 >= below && $0 <= above }
    }
}
