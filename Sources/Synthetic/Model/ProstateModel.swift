/// Prostate cancer: grade, PSA, biopsy, treatment by risk, and survival.
public struct ProstateModel: Sendable {
    /// ISUP grade group 1–5 by stage I–IV.
    public var gradeGroupByStage: [[Double]] = [
        [0.55, 0.30, 0.10, 0.03, 0.02],
        [0.25, 0.35, 0.22, 0.10, 0.08],
        [0.05, 0.15, 0.25, 0.25, 0.30],
        [0.02, 0.08, 0.15, 0.25, 0.50],
    ]
    /// Median PSA at diagnosis (ng/mL) by stage; log-normal with `psaLogSD`.
    public var medianPSAByStage = [6.0, 8.0, 15.0, 60.0]
    public var psaLogSD = 0.6
    /// Localised disease (stage I, grade group 1) on active surveillance.
    public var activeSurveillanceShare = 0.6
    /// Stage I–III patients not on surveillance: share having prostatectomy (the rest radiotherapy).
    public var prostatectomyShare = 0.55
    /// Stage I–III with radical treatment, the rest watchful waiting (by stage).
    public var radicalShareByStage = [0.85, 0.85, 0.85, 0.0]
    /// Metastatic first line: ADT alone, with docetaxel, abiraterone, enzalutamide.
    public var metastaticFirstLine = [0.25, 0.25, 0.30, 0.20]

    public var survival = SurvivalModel(
        cancer: .prostate,
        baseline: WeibullProportionalHazards(shape: 1.2, scale: 12_730),
        landmarkDays: 90,
        coefficients: [
            .init(name: "age_per_10_years", logHazardRatio: 0.45, definition: "(age at diagnosis − 65) / 10"),
            .init(name: "stage_2", logHazardRatio: 0.25, definition: "Stage 2 modifier on the diagnosis"),
            .init(name: "stage_3", logHazardRatio: 0.75, definition: "Stage 3 modifier on the diagnosis"),
            .init(name: "stage_4", logHazardRatio: 1.8, definition: "Stage 4 modifier on the diagnosis"),
            .init(name: "grade_group_4_or_5", logHazardRatio: 0.6, definition: "ISUP grade group measurement ≥ 4"),
            .init(name: "radical_treatment", logHazardRatio: -0.3,
                  definition: "radical prostatectomy or teleradiotherapy procedure"),
        ])
}
