import Foundation

/// Maps data values onto a pixel range, linearly or on a base-10 log axis (ratios).
struct Scale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double
    let isLogarithmic: Bool

    init(lower: Double, upper: Double, start: Double, end: Double, logarithmic: Bool = false) {
        self.lower = lower
        self.upper = upper > lower ? upper : lower + 1
        self.start = start
        self.end = end
        self.isLogarithmic = logarithmic
    }

    /// The pixel position of `value`, clipped to the ends of the axis.
    func callAsFunction(_ value: Double) -> Double {
        let fraction: Double
        if isLogarithmic {
            guard value > 0 else { return start }
            fraction = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            fraction = (value - lower) / (upper - lower)
        }
        guard !fraction.isNaN else { return start }
        return start + min(max(fraction, 0), 1) * (end - start)
    }

    /// Whether `value` lies on the axis rather than being clipped to one of its ends.
    func contains(_ value: Double) -> Bool {
        guard value.isFinite, !isLogarithmic || value > 0 else { return false }
        let slack = 1e-9 * (upper - lower)
        return value >= lower - slack && value <= upper + slack
    }
}
