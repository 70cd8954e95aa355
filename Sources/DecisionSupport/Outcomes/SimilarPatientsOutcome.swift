import Governance

/// Real-world outcomes of patients like this one in the platform's data: who counts as similar (each criterion
/// in words, dropped ones included), how many matched, and per treatment group the count and the survival
/// curve from diagnosis, every count governed by the minimum cell count. Aggregates only: no person id or date.
/// Presented as reference §6.1–6.2 asks: absolute numbers, uncertainty shown, neutral wording.
public struct SimilarPatientsOutcome: ToolOutput {
    public let cancer: CancerSite
    public let criteria: [SimilarityCriterion]
    /// Persons who met every applied criterion and were followed after diagnosis.
    public let matched: SmallCellCount
    public let minimumCount: Int
    /// Days after diagnosis in which the treatment that names a group must have started.
    public let treatmentWindowDays: Int
    public let groups: [SimilarPatientsGroup]
    public let caveat: String
    public let source: RuleSource
    public let summary: String
    public let detail: String

    enum CodingKeys: String, CodingKey {
        case cancer, criteria, matched, groups, caveat, source, summary, detail
        case minimumCount = "minimum_count", treatmentWindowDays = "treatment_window_days"
    }

    init(cancer: CancerSite, criteria: [SimilarityCriterion], matched: SmallCellCount, minimumCount: Int,
         treatmentWindowDays: Int, groups: [SimilarPatientsGroup], caveat: String, source: RuleSource) {
        self.cancer = cancer
        self.criteria = criteria
        self.matched = matched
        self.minimumCount = minimumCount
        self.treatmentWindowDays = treatmentWindowDays
        self.groups = groups
        self.caveat = caveat
        self.source = source
        summary = Self.summary(matched: matched, groups: groups)
        detail = Self.detail(criteria: criteria, matched: matched, groups: groups, windowDays: treatmentWindowDays,
                             minimumCount: minimumCount, caveat: caveat)
    }
}
