import Foundation

/// One estimated coefficient with its Wald standard error, test and confidence interval; `exp` gives the
/// hazard or odds ratio scale. Encodes as the JSON every model of the platform reports: name, coef, se, z, p,
/// lower, upper, and exp_coef, exp_lower, exp_upper.
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

    enum CodingKeys: String, CodingKey {
        case name, coef, se, z, p, lower, upper
        case expCoef = "exp_coef", expLower = "exp_lower", expUpper = "exp_upper"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        coef = try c.decode(Double.self, forKey: .coef)
        se = try c.decode(Double.self, forKey: .se)
        z = try c.decode(Double.self, forKey: .z)
        p = try c.decode(Double.self, forKey: .p)
        lower = try c.decode(Double.self, forKey: .lower)
        upper = try c.decode(Double.self, forKey: .upper)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        for (key, value) in [(CodingKeys.coef, coef), (.se, se), (.z, z), (.p, p), (.lower, lower), (.upper, upper),
                             (.expCoef, expCoef), (.expLower, expLower), (.expUpper, expUpper)] {
            try c.encode(value, forKey: key)
        }
    }
}
