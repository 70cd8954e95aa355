/// Lung cancer: histology, driver mutations, PD-L1, treatment, and survival.
public struct LungModel: Sendable {
    /// Adenocarcinoma, squamous cell, large cell, small cell.
    public var histologyMix = [0.55, 0.25, 0.05, 0.15]
    /// Stage I–IV of small cell lung cancer (limited disease is stage I–III).
    public var smallCellStageMix = [0.05, 0.05, 0.20, 0.70]
    /// Upper lobe (else lower lobe).
    public var upperLobeShare = 0.6
    /// Mutually exclusive drivers in non-squamous NSCLC: EGFR, ALK, ROS1, BRAF V600E, KRAS (the rest: none).
    public var driversNonSquamous = [0.15, 0.05, 0.015, 0.02, 0.28]
    public var driversSquamous = [0.02, 0.005, 0.0, 0.005, 0.05]
    /// Squamous tumours tested for drivers (non-squamous are all tested).
    public var squamousTestedShare = 0.3
    /// PD-L1 tumour proportion score band < 1 %, 1–49 %, ≥ 50 % among NSCLC.
    public var pdl1Bands = [0.37, 0.33, 0.30]
    /// Stage IV patients with a driver who receive its targeted drug.
    public var targetedUptake = 0.9
    /// Stage IV without a driver: PD-L1 ≥ 50 % on pembrolizumab alone (else with chemotherapy).
    public var pembrolizumabMonotherapyIfHigh = 0.7
    /// Stage IV non-squamous without a driver and PD-L1 < 50 %: chemo-immunotherapy (else chemotherapy alone).
    public var chemoImmunotherapyShare = 0.7
    /// Stage III after chemoradiation: durvalumab consolidation.
    public var durvalumabAfterChemoradiation = 0.6

    public var survival = SurvivalModel(
        cancer: .lung,
        baseline: WeibullProportionalHazards(shape: 1.0, scale: 5_115),
        landmarkDays: 90,
        coefficients: [
            .init(name: "age_per_10_years", logHazardRatio: 0.20, definition: "(age at diagnosis − 65) / 10"),
            .init(name: "male", logHazardRatio: 0.15, definition: "gender MALE"),
            .init(name: "stage_2", logHazardRatio: 0.55, definition: "Stage 2 modifier on the diagnosis"),
            .init(name: "stage_3", logHazardRatio: 1.1, definition: "Stage 3 modifier on the diagnosis"),
            .init(name: "stage_4", logHazardRatio: 2.3, definition: "Stage 4 modifier on the diagnosis"),
            .init(name: "small_cell", logHazardRatio: 0.45, definition: "diagnosis Small cell carcinoma of lung"),
            .init(name: "targeted_therapy", logHazardRatio: -0.6,
                  definition: "any osimertinib, alectinib, crizotinib or dabrafenib exposure"),
            .init(name: "pembrolizumab", logHazardRatio: -0.35, definition: "any pembrolizumab exposure"),
        ])
}
