import Foundation

extension DifferentialPrivacy {
    /// The Gaussian mechanism's σ for (ε, δ)-DP: the classic σ = Δ2 · sqrt(2 ln(1.25/δ)) / ε (Dwork & Roth, Thm A.1),
    /// which is proven only for ε < 1. For ε ≥ 1 the classic σ can be too small, so σ is never below the exact
    /// analytic Gaussian calibration (Balle & Wang, ICML 2018), which holds for every ε; below ε = 1 the classic σ
    /// is the larger and is returned unchanged.
    public static func gaussianSigma(l2Sensitivity: Double, epsilon: Double, delta: Double) -> Double {
        let classic = l2Sensitivity * (2 * log(1.25 / delta)).squareRoot() / epsilon
        guard epsilon >= 1 else { return classic }
        return max(classic, analyticGaussianSigma(l2Sensitivity: l2Sensitivity, epsilon: epsilon, delta: delta))
    }

    /// The smallest σ whose Gaussian mechanism is (ε, δ)-DP (Balle & Wang 2018, Theorem 8):
    /// δ(σ) = Φ(Δ/(2σ) − εσ/Δ) − e^ε Φ(−Δ/(2σ) − εσ/Δ) ≤ δ, found by bisection (δ(σ) decreases in σ).
    static func analyticGaussianSigma(l2Sensitivity: Double, epsilon: Double, delta: Double) -> Double {
        func privacyLoss(_ sigma: Double) -> Double {
            let a = l2Sensitivity / (2 * sigma), b = epsilon * sigma / l2Sensitivity
            return normalCDF(a - b) - exp(epsilon) * normalCDF(-a - b)
        }
        var low = 0.0, high = l2Sensitivity
        while privacyLoss(high) > delta { low = high; high *= 2 }
        for _ in 0..<200 where high - low > high * 1e-12 {
            let middle = (low + high) / 2
            if privacyLoss(middle) > delta { low = middle } else { high = middle }
        }
        return high
    }

    /// Φ, via erfc for accuracy in the tail.
    static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// One draw of Laplace(0, b): an exponential magnitude −b·ln(1 − U) with an independent fair sign, U uniform
    /// on [0, 1) with 53 random bits (no log of 0).
    static func laplace(scale: Double, using generator: inout some RandomNumberGenerator) -> Double {
        let magnitude = -scale * log1p(-Double.random(in: 0..<1, using: &generator))
        return Bool.random(using: &generator) ? magnitude : -magnitude
    }

    /// One draw of N(0, σ²) by Box–Muller: sqrt(−2 ln U1) · cos(2π U2), U1 on (0, 1].
    static func gaussian(sigma: Double, using generator: inout some RandomNumberGenerator) -> Double {
        let u1 = 1 - Double.random(in: 0..<1, using: &generator)
        let u2 = Double.random(in: 0..<1, using: &generator)
        return sigma * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
