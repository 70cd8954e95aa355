/// The outcome of one check, as DataQualityDashboard states it: a check with nothing to look at (an empty table)
/// is not applicable rather than passed, so a reader does not take silence for quality.
public enum DataQualityStatus: String, Sendable, Codable {
    case passed
    case failed
    case notApplicable = "not_applicable"
}
