/// A combination of adjuvant treatments after surgery, as PREDICT Breast v2.1 models them: each adds its log
/// hazard ratio to the breast-cancer index (reference §3.1). Hormone therapy acts only on ER-positive and
/// trastuzumab only on HER2-positive tumours; the model applies bisphosphonates whenever asked, so callers offer
/// them to postmenopausal women only.
public struct PredictBreastTreatments: Sendable, Hashable, Codable {
    /// The chemotherapy regimen's generation; `none` is no chemotherapy.
    public enum ChemotherapyGeneration: Int, Sendable, Codable, CaseIterable {
        case none = 0, second = 2, third = 3
    }

    public var hormone: Bool
    public var chemotherapy: ChemotherapyGeneration
    public var trastuzumab: Bool
    public var bisphosphonates: Bool

    public init(hormone: Bool = false, chemotherapy: ChemotherapyGeneration = .none, trastuzumab: Bool = false,
                bisphosphonates: Bool = false) {
        self.hormone = hormone
        self.chemotherapy = chemotherapy
        self.trastuzumab = trastuzumab
        self.bisphosphonates = bisphosphonates
    }

    /// Surgery alone: no adjuvant treatment.
    public static let surgeryOnly = PredictBreastTreatments()
}
