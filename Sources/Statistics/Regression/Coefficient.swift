import Foundation

/// One estimated coefficient with its Wald standard error, test and confidence interval; `exp` gives the
/// hazard or odds ratio scale.
public struct Coefficient: Sendable, Equatable, Codable {
    public let name: String
    public let coef: Double
    public let se: Double
    public let z: Double
    public let p: Double
    public let lower: Double
    public let upper: Double

    public init(name: String, coef: Double, se: Double, confidenceLevel: Double) {
        let q = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        self.name = name
        self.coef = coef
        self.se = se
        z = coef / se
        p = 2 * Normal.cdf(-abs(coef / se))
        lower = coef - q * se
        upper = coef + q * se
    }

    public var expCoef: Double { exp(coef) }
    public var expLower: Double { exp(lower) }
    public var expUpper: Double { exp(upper) }
}
