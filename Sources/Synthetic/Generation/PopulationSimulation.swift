/// Simulating persons without writing them: the baseline of the generation benchmark (how much of
/// the time is the model, how much the database).
public enum PopulationSimulation {
    /// Simulates a site's persons and returns the number of rows they would write.
    public static func rowCount(_ settings: GenerationSettings, site: SiteProfile, persons: Range<Int>,
                                model: PopulationModel = .standard) -> Int {
        let simulator = PersonSimulator(model: model, seed: settings.seed, cancerFraction: settings.cancerFraction, site: site)
        var history = PersonHistory()
        var rows = 0
        for person in persons {
            simulator.simulate(person, into: &history)
            rows += 2 + history.visits.count + history.conditions.count + history.procedures.count + history.drugs.count
                + history.measurements.count + history.episodes.count + history.episodeEvents.count + (history.death == nil ? 0 : 1)
        }
        return rows
    }
}
