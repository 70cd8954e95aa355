import Foundation

extension PopulationModel {
    /// The known truth `--truth FILE` writes: the survival model of each cancer, with how to read each
    /// covariate back from the CDM, and the settings that produced the data.
    public func truthJSON(_ settings: GenerationSettings) throws -> Data {
        struct Truth: Encodable {
            let description: String
            let seed: UInt64
            let persons: Int
            let cancerFraction: Double
            let sites: Int
            let survival: [SurvivalModel]
        }
        let truth = Truth(
            description: "Time from diagnosis (the Disease First Occurrence episode start) to death from any cause follows "
                + "h(t|x) = h0(t)·exp(β·x) after a landmark, with Weibull baseline S0(t) = exp(-(t/scale)^shape) in days; "
                + "censoring at the end of the observation period. See docs/synthetic-model.md.",
            seed: settings.seed, persons: settings.persons, cancerFraction: settings.cancerFraction, sites: settings.sites,
            survival: survival)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(truth)
    }
}
