import Foundation

/// The draws a population model needs, written out so that they never change under us.
extension SyntheticRandom {
    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on (0, 1], safe to take the logarithm of.
    public mutating func uniformPositive() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// An integer in `range`, without modulo bias (Lemire's multiply-and-reject).
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }  // the whole 64-bit range
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold { product = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound + Int(product.high)
    }

    /// True with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A normal draw (Box–Muller; one of the pair is used, so each draw takes two uniforms).
    public mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        let radius = (-2 * log(uniformPositive())).squareRoot()
        return mean + sd * radius * cos(2 * Double.pi * uniform())
    }

    /// An exponential draw with the given rate (mean 1/rate).
    public mutating func exponential(rate: Double) -> Double {
        -log(uniformPositive()) / rate
    }

    /// A Weibull draw with survival function S(t) = exp(-(t/scale)^shape).
    public mutating func weibull(shape: Double, scale: Double) -> Double {
        scale * pow(-log(uniformPositive()), 1 / shape)
    }

    /// The index of a category drawn with probability proportional to its weight.
    public mutating func categorical(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var remaining = uniform() * total
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }
}
