/// The data-quality findings of a whole CDM, in the spirit of OHDSI DataQualityDashboard: a handful of set-based
/// conformance, completeness and plausibility checks over the clinical tables. Governed counts only, so it may
/// leave the site.
public struct DataQualityReport: Sendable, Equatable, Encodable {
    public let settings: DataQualitySettings
    public let results: [DataQualityResult]

    public var passed: Int { results.count { $0.status == .passed } }
    public var failed: Int { results.count { $0.status == .failed } }
    public var notApplicable: Int { results.count { $0.status == .notApplicable } }

    /// The result of a check on a table (and concept), when the report holds it.
    public func result(_ name: String, table: String, conceptID: Int64? = nil) -> DataQualityResult? {
        results.first { $0.check.name == name && $0.check.table == table && $0.check.conceptID == conceptID }
    }

    enum CodingKeys: String, CodingKey {
        case settings, results, passed, failed
        case notApplicable = "not_applicable"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(settings, forKey: .settings)
        try c.encode(passed, forKey: .passed)
        try c.encode(failed, forKey: .failed)
        try c.encode(notApplicable, forKey: .notApplicable)
        try c.encode(results, forKey: .results)
    }
}
