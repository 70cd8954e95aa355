/// An adjuvant treatment whose benefit PREDICT Breast v2.1 shows, in the order PREDICT adds them.
public enum PredictBreastTreatment: String, Sendable, Codable, CaseIterable {
    case hormone, chemotherapy, trastuzumab, bisphosphonates

    /// The name in running text: "hormone therapy".
    public var label: String {
        switch self {
        case .hormone: "hormone therapy"
        case .chemotherapy: "chemotherapy"
        case .trastuzumab: "trastuzumab"
        case .bisphosphonates: "bisphosphonates"
        }
    }

    /// `treatments` with this one added (chemotherapy of `generation`).
    func adding(to treatments: PredictBreastTreatments, generation: PredictBreastTreatments.ChemotherapyGeneration) -> PredictBreastTreatments {
        var result = treatments
        switch self {
        case .hormone: result.hormone = true
        case .chemotherapy: result.chemotherapy = generation
        case .trastuzumab: result.trastuzumab = true
        case .bisphosphonates: result.bisphosphonates = true
        }
        return result
    }
}
