import CDMStore
import Governance
import OMOP

extension Database {
    /// Generates one site's synthetic persons into this CDM, with the vocabulary they need, in one
    /// all-or-nothing load. The CDM must hold no persons yet: generated ids start at the site's first person.
    /// With a pseudonymizer, `person_source_value` holds the pseudonym of `synthetic-N` (N = person index + 1),
    /// so erasure and consent work on demo data exactly as on imported data.
    public func generatePopulation(
        _ settings: GenerationSettings, site: SiteProfile, persons: Range<Int>, model: PopulationModel = .standard,
        pseudonymizer: Pseudonymizer? = nil, progress: (@Sendable (String, Int) -> Void)? = nil
    ) async throws -> GenerationSummary {
        try settings.validate()
        try await createSchema()
        let existing = try await query("SELECT COUNT(*) AS n FROM person").first?["n"].integerValue ?? 0
        guard existing == 0 else {
            throw GenerationError.notEmpty("\(location) already holds \(existing) persons; generate into an empty CDM (another --db)")
        }
        let started = ContinuousClock.now
        let vocabulary = try OncologyVocabulary.shipped()
        let codes = Dictionary(uniqueKeysWithValues: vocabulary.concepts.map { ($0.id, $0.code) })
        let simulator = PersonSimulator(model: model, seed: settings.seed, cancerFraction: settings.cancerFraction, site: site)
        var loads = try await vocabulary.tableLoads(missingFrom: self)
        loads += [
            PopulationStream.load(simulator: simulator, persons: persons, emitter: personRows(codes, pseudonymizer)),
            PopulationStream<ObservationPeriodRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<VisitRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<ConditionRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<ProcedureRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<DrugRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<MeasurementRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<EpisodeRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<EpisodeEventRows>.load(simulator: simulator, persons: persons, codes: codes),
            PopulationStream<DeathRows>.load(simulator: simulator, persons: persons, codes: codes),
        ]
        if try await query("SELECT COUNT(*) AS n FROM cdm_source").first?["n"].integerValue ?? 0 == 0 {
            loads.append(cdmSource(settings, site: site))
        }
        let result = try await load(loads, progress: progress)
        return GenerationSummary(site: site, persons: persons.count, rowsByTable: result.rowsByTable,
                                 seconds: (ContinuousClock.now - started).seconds)
    }

    private func personRows(_ codes: [Int64: String], _ pseudonymizer: Pseudonymizer?) -> PersonRows {
        var rows = PersonRows(table: CDMSchema.v54.table(named: PersonRows.tableName)!, codes: codes)
        rows.pseudonymizer = pseudonymizer
        return rows
    }

    private func cdmSource(_ settings: GenerationSettings, site: SiteProfile) -> TableLoad {
        // The data cut-off, not today: the same seed gives the same rows on any day.
        let release = PopulationModel.standard.cutoff
        return .items("cdm_source", [settings]) { settings, row in
            row.set("cdm_source_name", .text("Optima synthetic oncology population (\(site.name))"))
            row.set("cdm_source_abbreviation", .text(site.number == 1 && site.share == 1 ? "optima-synthetic" : "optima-site\(site.number)"))
            row.set("cdm_holder", .text("Optima"))
            row.set("source_description", .text(
                "Synthetic prostate, breast and lung cancer patients and a background population; seed \(settings.seed), "
                    + "cancer fraction \(settings.cancerFraction). Model: docs/synthetic-model.md"))
            row.set("source_release_date", .date(release))
            row.set("cdm_release_date", .date(release))
            row.set("cdm_version", .text("5.4"))
            row.set("cdm_version_concept_id", .integer(ConceptID.cdmVersion54))
            row.set("vocabulary_version", .text(OncologyVocabulary.version))
        }
    }
}
