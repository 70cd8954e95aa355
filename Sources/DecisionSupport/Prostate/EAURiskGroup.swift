/// The EAU risk group for biochemical recurrence of localised and locally advanced prostate cancer
/// (reference §2.1). cT comes from digital rectal examination.
public enum EAURiskGroup: String, Sendable, Codable, CaseIterable {
    case low
    case intermediate
    case high
    case locallyAdvanced = "locally-advanced"

    /// The group in words, for a card or a table.
    public var label: String {
        switch self {
        case .low: "low risk"
        case .intermediate: "intermediate risk"
        case .high: "high risk"
        case .locallyAdvanced: "high risk, locally advanced"
        }
    }

    /// Classifies in the guideline's order: locally advanced → high → intermediate → low.
    /// - Parameters:
    ///   - psa: PSA at diagnosis, ng/mL.
    ///   - gradeGroup: ISUP grade group 1–5.
    ///   - t: the clinical T code as `TNMCategory.prostateCode` spells it (`T1c`, `T2b`, `T4`).
    ///   - nodePositive: cN+; pass false when the nodes are cN0 or not assessed.
    ///   - criteria: the thresholds of the rule file.
    public static func classify(psa: Double, gradeGroup: Int, t: String, nodePositive: Bool, criteria: EAUCriteria) -> EAURiskGroup {
        let advanced = criteria.locallyAdvanced
        if advanced.t.contains(t) || (advanced.nodePositive && nodePositive) { return .locallyAdvanced }
        let high = criteria.high
        if psa > high.psaAbove || gradeGroup >= high.minGradeGroup || high.t.contains(t) { return .high }
        let intermediate = criteria.intermediate
        if (psa >= intermediate.psaFrom && psa <= intermediate.psaTo) || intermediate.gradeGroups.contains(gradeGroup)
            || intermediate.t.contains(t) {
            return .intermediate
        }
        return .low
    }
}
