import Foundation

/// Survival times from a Weibull proportional-hazards model, the known truth a Cox fit on
/// synthetic data must recover: h(t | x) = h0(t) · exp(β·x), with baseline survival
/// S0(t) = exp(-(t/scale)^shape). Inverting S(t | x) = S0(t)^exp(β·x) at a uniform U gives
/// T = scale · (−ln U / exp(β·x))^(1/shape) (Bender, Augustin and Blettner, Stat Med 2005).
public struct WeibullProportionalHazards: Sendable, Hashable, Codable {
    /// The Weibull shape k (> 1: hazard rises with time).
    public let shape: Double
    /// The baseline scale, in days: the time by which 63.2 % of baseline persons have had the event.
    public let scale: Double

    public init(shape: Double, scale: Double) {
        precondition(shape > 0 && scale > 0, "Weibull shape and scale must be positive")
        self.shape = shape
        self.scale = scale
    }

    /// A survival time in days for a person whose log hazard ratio against baseline is `linearPredictor`.
    public func time(linearPredictor: Double, using random: inout SyntheticRandom) -> Double {
        scale * pow(-log(random.uniformPositive()) / exp(linearPredictor), 1 / shape)
    }

    /// The median survival time for a linear predictor, for checks and documentation.
    public func median(linearPredictor: Double) -> Double {
        scale * pow(log(2) / exp(linearPredictor), 1 / shape)
    }
}

extension WeibullProportionalHazards {
    /// A survival time in days conditional on surviving past `landmark` days: with cumulative hazard
    /// H(t) = (t/scale)^shape · exp(β·x), solving H(T) = H(landmark) + E for E ~ Exp(1) gives
    /// T = scale · ((landmark/scale)^shape + E / exp(β·x))^(1/shape). The hazard after the landmark is
    /// unchanged, so a Cox fit on the times still recovers β.
    public func time(linearPredictor: Double, after landmark: Double, using random: inout SyntheticRandom) -> Double {
        let extra = -log(random.uniformPositive()) / exp(linearPredictor)
        return scale * pow(pow(landmark / scale, shape) + extra, 1 / shape)
    }
}
