import OMOP

/// The generator's own record of a cancer patient: who has which cancer, diagnosed when, with which
/// condition concept. Tests of the cohort engine check its patients against this record.
public struct SimulatedDiagnosis: Sendable, Equatable {
    public let personID: Int64
    public let cancer: CancerType
    public let date: CDMDate
    /// The condition concept of the primary diagnosis (e.g. a histology-specific lung cancer concept).
    public let concept: Int64
    public let gender: Int64
    public let birth: CDMDate
}

extension PopulationSimulation {
    /// The primary cancer diagnoses of a site's persons, as `generatePopulation` writes them.
    public static func diagnoses(_ settings: GenerationSettings, site: SiteProfile, persons: Range<Int>,
                                 model: PopulationModel = .standard) -> [SimulatedDiagnosis] {
        let simulator = PersonSimulator(model: model, seed: settings.seed, cancerFraction: settings.cancerFraction, site: site)
        var history = PersonHistory()
        var diagnoses: [SimulatedDiagnosis] = []
        for person in persons {
            simulator.simulate(person, into: &history)
            guard let index = history.primaryDiagnosis, let cancer = history.cancer else { continue }
            let condition = history.conditions[index]
            diagnoses.append(SimulatedDiagnosis(personID: Int64(person + 1), cancer: cancer, date: condition.date,
                                                concept: condition.concept, gender: history.gender, birth: history.birth))
        }
        return diagnoses
    }
}
