import Foundation

/// The regularized lower incomplete gamma function P(a, x) and its inverse in x: exact Poisson and
/// chi-square limits need them.
public enum Gamma {
    /// P(a, x) = γ(a, x) / Γ(a), by its series for x < a + 1 and its continued fraction otherwise
    /// (Numerical Recipes §6.2), to about 1e-15.
    public static func regularizedLower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "a positive shape")
        if x <= 0 { return 0 }
        let logPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return min(1, sum * exp(logPrefix))
        }
        // Lentz's continued fraction for Q(a, x).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-17 { break }
        }
        return max(0, 1 - exp(logPrefix) * h)
    }

    /// The x with P(a, x) = p, by bisection on a bracket then Newton polishing.
    public static func inverseRegularizedLower(_ a: Double, _ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
        var low = 0.0, high = max(1, a)
        while regularizedLower(a, high) < p { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if regularizedLower(a, mid) < p { low = mid } else { high = mid }
            if high - low <= 1e-15 * high { break }
        }
        var x = (low + high) / 2
        for _ in 0..<3 {
            let density = exp((a - 1) * log(x) - x - lgamma(a))
            guard density > 0 else { break }
            let step = (regularizedLower(a, x) - p) / density
            if (x - step) > 0 { x -= step }
        }
        return x
    }
}
