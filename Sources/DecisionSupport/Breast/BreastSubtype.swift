/// The surrogate intrinsic subtypes of breast cancer from immunohistochemistry (St Gallen 2013, reference §3.3).
public enum BreastSubtype: String, Sendable, Codable, CaseIterable {
    case luminalALike = "luminal-a-like"
    case luminalBLikeHER2Negative = "luminal-b-like-her2-negative"
    case luminalBLikeHER2Positive = "luminal-b-like-her2-positive"
    case her2PositiveNonLuminal = "her2-positive-non-luminal"
    case tripleNegative = "triple-negative"

    /// The name a clinician reads.
    public var label: String {
        switch self {
        case .luminalALike: "Luminal A-like"
        case .luminalBLikeHER2Negative: "Luminal B-like (HER2−)"
        case .luminalBLikeHER2Positive: "Luminal B-like (HER2+)"
        case .her2PositiveNonLuminal: "HER2-positive (non-luminal)"
        case .tripleNegative: "Triple-negative"
        }
    }
}
