/// Breast cancer: histology, grade, receptors, proliferation, treatment, and survival.
public struct BreastModel: Sendable {
    /// Infiltrating ductal, lobular, carcinoma NOS.
    public var histologyMix = [0.80, 0.12, 0.08]
    /// Grade 1–3.
    public var gradeMix = [0.20, 0.45, 0.35]
    /// Oestrogen receptor positive, by grade 1–3 (overall about 84 %).
    public var erPositiveByGrade = [0.97, 0.90, 0.68]
    /// Progesterone receptor positive among ER-positive and ER-negative tumours.
    public var prPositiveIfER = 0.80
    public var prPositiveIfERNegative = 0.05
    public var her2Positive = 0.15
    /// Median Ki-67 (%) by grade; log-normal with `ki67LogSD`.
    public var medianKi67ByGrade = [8.0, 18.0, 35.0]
    public var ki67LogSD = 0.5
    /// Stage I–II treated by lumpectomy (the rest mastectomy); stage III mostly mastectomy.
    public var lumpectomyShareEarly = 0.65
    public var lumpectomyShareStage3 = 0.2
    /// HER2-positive patients who receive trastuzumab (first line).
    public var trastuzumabUptake = 0.85
    /// ER-negative, HER2-negative (triple negative or ER−/PR+) patients who receive chemotherapy.
    public var chemotherapyIfERNegative = 0.9
    /// ER-positive, HER2-negative patients with grade 3, node-positive or stage III disease given chemotherapy.
    public var chemotherapyIfHighRiskLuminal = 0.5
    /// ER-positive patients who start endocrine therapy.
    public var endocrineUptake = 0.92

    public var survival = SurvivalModel(
        cancer: .breast,
        baseline: WeibullProportionalHazards(shape: 1.1, scale: 28_260),
        landmarkDays: 90,
        coefficients: [
            .init(name: "age_per_10_years", logHazardRatio: 0.30, definition: "(age at diagnosis − 65) / 10"),
            .init(name: "stage_2", logHazardRatio: 0.55, definition: "Stage 2 modifier on the diagnosis"),
            .init(name: "stage_3", logHazardRatio: 1.25, definition: "Stage 3 modifier on the diagnosis"),
            .init(name: "stage_4", logHazardRatio: 3.0, definition: "Stage 4 modifier on the diagnosis"),
            .init(name: "grade_3", logHazardRatio: 0.35, definition: "Grade 3 modifier on the diagnosis"),
            .init(name: "er_negative", logHazardRatio: 0.45, definition: "oestrogen receptor measurement Negative"),
            .init(name: "her2_positive", logHazardRatio: 0.40, definition: "HER2 measurement Positive"),
            .init(name: "trastuzumab", logHazardRatio: -0.55, definition: "any trastuzumab drug exposure"),
        ])
}
