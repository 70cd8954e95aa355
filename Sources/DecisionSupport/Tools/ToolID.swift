/// The decision-support tools, by the ids of `POST /api/decision-support/{tool}` and `optima cds evaluate --tool`.
public enum ToolID: String, Sendable, Codable, CaseIterable {
    case prostateRisk = "prostate-risk"
    case predictProstate = "predict-prostate"
    case breastSubtype = "breast-subtype"
    case npi
    case predictBreast = "predict-breast"
    case lungStage = "lung-stage"
    case lungTherapy = "lung-therapy"

    /// The cancer each tool is for.
    public var cancer: CancerSite {
        switch self {
        case .prostateRisk, .predictProstate: .prostate
        case .breastSubtype, .npi, .predictBreast: .breast
        case .lungStage, .lungTherapy: .lung
        }
    }
}
