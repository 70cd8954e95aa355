import OMOP

/// The parameters of the synthetic population, each with its source in `docs/synthetic-model.md`.
/// Tests compare the generated data's marginal distributions with these numbers.
public struct PopulationModel: Sendable {
    /// Data cut-off: nobody is observed after it.
    public var cutoff = CDMDate(year: 2025, month: 12, day: 31)!
    /// Cancer diagnoses fall uniformly in this window, leaving at least a year of follow-up.
    public var firstDiagnosis = CDMDate(year: 2008, month: 1, day: 1)!
    public var lastDiagnosis = CDMDate(year: 2024, month: 12, day: 31)!
    /// Mean years until loss to follow-up (moving away, changing hospital): exponential.
    public var meanYearsToLossOfFollowUp = 20.0

    /// Share of each cancer among the cancer patients, in `CancerType.allCases` order.
    public var cancerMix = [0.33, 0.36, 0.31]
    public var diagnosisAge: [CancerType: AgeDistribution] = [
        .prostate: AgeDistribution(mean: 68, sd: 8, range: 45...92),
        .breast: AgeDistribution(mean: 62, sd: 13, range: 25...95),
        .lung: AgeDistribution(mean: 70, sd: 9, range: 35...95),
    ]
    public var maleFraction: [CancerType: Double] = [.prostate: 1, .breast: 0.01, .lung: 0.64]
    /// Stage I–IV at diagnosis (lung: non-small cell; small cell has its own below).
    public var stageMix: [CancerType: [Double]] = [
        .prostate: [0.45, 0.30, 0.12, 0.13],
        .breast: [0.45, 0.33, 0.14, 0.08],
        .lung: [0.25, 0.10, 0.20, 0.45],
    ]

    /// Chance of a recorded progression by stage I–IV, for patients who die and for those who do not.
    public var progressionIfDied = [0.2, 0.35, 0.6, 0.9]
    public var progressionIfAlive = [0.05, 0.10, 0.25, 0.5]

    public var prostate = ProstateModel()
    public var breast = BreastModel()
    public var lung = LungModel()
    public var background = BackgroundModel()

    public init() {}

    public static let standard = PopulationModel()

    /// The survival truth of every cancer, as `--truth` writes it.
    public var survival: [SurvivalModel] { [prostate.survival, breast.survival, lung.survival] }
}

/// A truncated normal age at diagnosis, in years.
public struct AgeDistribution: Sendable {
    public var mean: Double
    public var sd: Double
    public var range: ClosedRange<Int>
}
