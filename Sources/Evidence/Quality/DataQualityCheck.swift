/// One data-quality check in DataQualityDashboard's terms: its check name (`plausibleTemporalAfter`, …), Kahn
/// category, the table, field and concept it looks at, and the share of violating rows it tolerates.
public struct DataQualityCheck: Sendable, Hashable, Encodable {
    /// DataQualityDashboard's check name.
    public let name: String
    public let category: DataQualityCategory
    public let table: String
    public let field: String?
    /// The concept a concept-level check is about (`plausibleValueLow` of PSA), nil for field and table checks.
    public let conceptID: Int64?
    /// The check fails when more than this percentage of the checked rows violate it.
    public let thresholdPercent: Double
    /// What a violating row is, in words.
    public let description: String

    public init(name: String, category: DataQualityCategory, table: String, field: String?, conceptID: Int64? = nil,
                thresholdPercent: Double, description: String) {
        self.name = name
        self.category = category
        self.table = table
        self.field = field
        self.conceptID = conceptID
        self.thresholdPercent = thresholdPercent
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case name = "check_name", category, table, field, description
        case conceptID = "concept_id"
        case thresholdPercent = "threshold_percent"
    }
}
