/// Kahn's data-quality categories, as DataQualityDashboard files its checks.
public enum DataQualityCategory: String, Sendable, Codable, CaseIterable {
    /// Values follow the model's rules (keys that exist, types, formats).
    case conformance = "Conformance"
    /// Values are there (mapped concepts, persons with observation time).
    case completeness = "Completeness"
    /// Values are believable (no events before birth, no prostate cancer in women).
    case plausibility = "Plausibility"
}
