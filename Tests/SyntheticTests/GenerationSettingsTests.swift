import CDMStore
import CDMTestSupport
import OMOP
import Synthetic
import Testing

@Suite struct GenerationSettingsTests {
    @Test func badSettingsAreRefusedBeforeAnythingIsWritten() async throws {
        let bad = [GenerationSettings(persons: 0, seed: 1), GenerationSettings(persons: 10, seed: 1, cancerFraction: 1.5),
                   GenerationSettings(persons: 10, seed: 1, sites: 0), GenerationSettings(persons: 2, seed: 1, sites: 3)]
        for settings in bad {
            #expect(throws: GenerationError.self) { try settings.validate() }
        }
        try await TestDatabases.with(.sqlite) { db, _ in
            await #expect(throws: GenerationError.self) {
                _ = try await db.generatePopulation(GenerationSettings(persons: 10, seed: 1, cancerFraction: -1), site: .single, persons: 0..<10)
            }
            let created = try await db.hasSchema()
            #expect(!created)
        }
    }

    /// A CDM that already holds persons is left alone, with a message that names it.
    @Test func refusesADatabaseWithPersons() async throws {
        try await TestDatabases.with(.sqlite) { db, url in
            let settings = GenerationSettings(persons: 50, seed: 1)
            _ = try await db.generatePopulation(settings, site: .single, persons: 0..<50)
            let rows = try await db.count("SELECT COUNT(*) FROM measurement")
            do {
                _ = try await db.generatePopulation(settings, site: .single, persons: 0..<50)
                Issue.record("a second generation was accepted")
            } catch let error as GenerationError {
                #expect(error.description.contains("already holds 50 persons"))
                #expect(error.description.contains(url.replacingOccurrences(of: "sqlite:", with: "")))
            }
            #expect(try await db.count("SELECT COUNT(*) FROM measurement") == rows)
        }
    }

    /// Sites split the persons into consecutive ranges with different case mixes around the same truth.
    @Test func sitesSplitThePopulation() async throws {
        let settings = GenerationSettings(persons: 6_000, seed: 5, sites: 3)
        let ranges = settings.siteRanges()
        #expect(ranges.map(\.persons) == [0..<2_400, 2_400..<4_200, 4_200..<6_000])
        #expect(ranges.map(\.site.name) == ["academic centre", "regional hospital 1", "regional hospital 2"])
        var cancerShare: [Double] = [], stage4Share: [Double] = []
        for (site, persons) in ranges.prefix(2) {
            try await TestDatabases.with(.sqlite) { db, _ in
                _ = try await db.generatePopulation(settings, site: site, persons: persons)
                #expect(try await db.count("SELECT MIN(person_id) FROM person") == persons.lowerBound + 1)
                #expect(try await db.count("SELECT MAX(person_id) FROM person") == persons.upperBound)
                let cancers = try await db.count("SELECT COUNT(*) FROM episode WHERE episode_concept_id = \(ConceptID.Episode.diseaseFirstOccurrence)")
                cancerShare.append(Double(cancers) / Double(persons.count))
                let stage4 = try await db.count("SELECT COUNT(*) FROM measurement WHERE measurement_concept_id = \(ConceptID.Modifier.stages[3])")
                stage4Share.append(Double(stage4) / Double(cancers))
            }
        }
        #expect(cancerShare[0] > 2 * cancerShare[1], "the academic centre sees more cancer: \(cancerShare)")
        #expect(stage4Share[0] > stage4Share[1] * 1.3, "and more advanced cancer: \(stage4Share)")
        #expect(DatabaseLocation.sqlite(path: "data/optima.sqlite").site(2) == .sqlite(path: "data/optima-site2.sqlite"))
        let postgres = try DatabaseLocation(parsing: "postgres://u@h/db?schema=cdm")
        #expect(postgres.site(3).description == "postgres://u@h:5432/db?schema=cdm_site3")
    }
}
