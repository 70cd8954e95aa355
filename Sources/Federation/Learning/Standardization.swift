/// Centring and scaling of the covariates by their pooled mean and standard deviation, agreed before training
/// (from `NumericSummary`s summed over nodes) so that every node's features, and so its weights and the
/// penalty, are on one scale. A column without spread is only centred.
public struct Standardization: Sendable, Codable, Equatable {
    public let means: [Double]
    public let sds: [Double]

    public init(means: [Double], sds: [Double]) {
        precondition(means.count == sds.count, "one standard deviation per mean")
        self.means = means
        self.sds = sds
    }

    /// From each covariate's summary pooled over nodes.
    public init(_ summaries: [NumericSummary]) {
        self.init(means: summaries.map(\.mean), sds: summaries.map(\.standardDeviation))
    }

    public func apply(_ row: [Double]) -> [Double] {
        precondition(row.count == means.count, "one value per standardised covariate")
        return row.indices.map { j in sds[j] > 0 ? (row[j] - means[j]) / sds[j] : row[j] - means[j] }
    }
}
