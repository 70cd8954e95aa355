/// The percentages that separate the surrogate subtypes (`breast-subtypes.json`, St Gallen 2013).
public struct BreastSubtypeCutOffs: Sendable, Equatable, Codable {
    /// ER or PR is positive from this share of stained nuclei (ASCO/CAP 1 %).
    public let hormoneReceptorPositivePercent: Double
    /// PR at or above this separates luminal A-like from luminal B-like (20 %).
    public let prHighPercent: Double
    /// Ki-67 at or above this makes an HR+/HER2− tumour luminal B-like (20 %).
    public let ki67HighPercent: Double
}
