/// The area under the ROC curve (the c statistic) of a risk score for a 0/1 outcome: the probability that a
/// random case scores higher than a random non-case, ties counting half. Its variance is DeLong's (1988)
/// nonparametric one, computed from midranks as Sun & Xu (2014) do (N log N, not cases × non-cases); the
/// interval is the normal one on the AUC scale, clipped to [0, 1] (as pROC's DeLong interval).
public struct AUC: Sendable, Equatable {
    public let estimate: Double
    /// DeLong's variance of the estimate: S₁₀/m + S₀₁/n over the m cases and n non-cases.
    public let variance: Double
    public let lower: Double
    public let upper: Double
    public let cases: Int
    public let nonCases: Int

    public var standardError: Double { variance.squareRoot() }

    public init(predictions: [Double], outcomes: [Double], confidenceLevel: Double = 0.95) throws {
        try Self.check(predictions: predictions, outcomes: outcomes)
        let cases = predictions.indices.filter { outcomes[$0] == 1 }, nonCases = predictions.indices.filter { outcomes[$0] == 0 }
        let m = cases.count, n = nonCases.count
        guard m >= 2, n >= 2 else { throw StatisticsError("an AUC needs at least 2 cases and 2 non-cases (got \(m) and \(n))") }
        let all = Midranks(predictions)
        let amongCases = Midranks(cases.map { predictions[$0] }), amongNonCases = Midranks(nonCases.map { predictions[$0] })
        // V₁₀ᵢ: the share of non-cases case i outscores; V₀₁ⱼ: the share of cases that outscore non-case j.
        let v10 = cases.indices.map { (all[cases[$0]] - amongCases[$0]) / Double(n) }
        let v01 = nonCases.indices.map { 1 - (all[nonCases[$0]] - amongNonCases[$0]) / Double(m) }
        let estimate = v10.reduce(0, +) / Double(m)
        let s10 = v10.reduce(0) { $0 + ($1 - estimate) * ($1 - estimate) } / Double(m - 1)
        let s01 = v01.reduce(0) { $0 + ($1 - estimate) * ($1 - estimate) } / Double(n - 1)
        let variance = s10 / Double(m) + s01 / Double(n)
        let q = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        self.estimate = estimate
        self.variance = variance
        lower = max(0, estimate - q * variance.squareRoot())
        upper = min(1, estimate + q * variance.squareRoot())
        self.cases = m
        self.nonCases = n
    }

    /// One finite prediction per 0/1 outcome, or the row that is not.
    static func check(predictions: [Double], outcomes: [Double]) throws {
        guard predictions.count == outcomes.count else {
            throw StatisticsError("predictions and outcomes must have one entry per row (\(predictions.count) predictions, \(outcomes.count) outcomes)")
        }
        if let row = outcomes.firstIndex(where: { $0 != 0 && $0 != 1 }) { throw StatisticsError("row \(row + 1): outcome \(outcomes[row]) is not 0 or 1") }
        if let row = predictions.firstIndex(where: { !$0.isFinite }) { throw StatisticsError("row \(row + 1): the prediction is not a finite number") }
    }
}
