/// A test statistic referred to the chi-square distribution: the statistic, its degrees of freedom and the
/// upper-tail p = 1 − P(df/2, statistic/2) (so p is accurate to about 1e-15 absolute, not relative, when tiny).
public struct ChiSquareTest: Sendable, Equatable, Codable {
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let p: Double

    public init(statistic: Double, degreesOfFreedom: Int) {
        precondition(degreesOfFreedom > 0, "a positive number of degrees of freedom")
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        p = statistic > 0 ? 1 - Gamma.regularizedLower(Double(degreesOfFreedom) / 2, statistic / 2) : 1
    }
}
