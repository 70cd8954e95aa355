import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Synthetic
import Testing

/// OHDSI's own engine as the reference: circe-be's SQL for a definition (rendered by the `duckcdm` port of
/// circe-be and SqlRender, `scripts/reference/circe_sql.py`) and Optima's generation, run on the same
/// PostgreSQL CDM, write the same cohort rows and the same inclusion statistics.
@Suite struct CirceEquivalenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var duckcdmAvailable: Bool {
        ExternalProgram.hasPythonModule("duckcdm")
    }

    /// The breast, prostate and lung definitions of the library, several with many inclusion rules.
    static let definitions: [Int64] = [400, 636, 644, 788, 991, 792, 793, 1030, 1266, 1267, 1278, 1279, 1280, 1281, 1286]

    @Test(.enabled(if: TestDatabases.postgresURL != nil && duckcdmAvailable && ReferenceDatasets.isPresent("phenotypes"),
                   "needs OPTIMA_TEST_POSTGRES, Python duckcdm (pip install duckcdm; the test command installs it) and the reference data"))
    func sameRowsAndStatisticsAsCirce() async throws {
        try await TestDatabases.with(.postgresql) { db, url in
            guard case .postgres(let target) = db.location else { throw TestSetupError("not PostgreSQL") }
            let cdm = target.schema, results = target.schema + "_circe"
            let settings = GenerationSettings(persons: 4_000, seed: 21)
            _ = try await db.generatePopulation(settings, site: .single, persons: 0..<settings.persons)
            try await db.execute("CREATE SCHEMA \"\(results)\"")
            do {
                try await Self.compare(db, url: url, cdm: cdm, results: results)
                try await db.execute("DROP SCHEMA \"\(results)\" CASCADE")
            } catch {
                try? await db.execute("DROP SCHEMA IF EXISTS \"\(results)\" CASCADE")
                throw error
            }
        }
    }

    /// Generates each definition with both engines and compares their tables.
    static func compare(_ db: any Database, url: String, cdm: String, results: String) async throws {
        let circeDB = try await DatabaseLocation(parsing: url.replacingOccurrences(of: "schema=\(cdm)", with: "schema=\(results)")).open()
        try await circeDB.createCohortTables()
        try await circeDB.close()
        let server = try #require(url.components(separatedBy: "?").first)
        var persons = 0, ruleStatistics = 0
        for id in Self.definitions {
            let file = ReferenceDatasets.path("phenotypes/cohorts/\(id).json")
            let generation = try await db.generateCohort(try CohortExpression.parse(try Data(contentsOf: URL(fileURLWithPath: file))), cohortID: id)
            persons += generation.persons
            let sql = try ExternalProgram.run(["python3", Self.root.appendingPathComponent("scripts/reference/circe_sql.py").path, file,
                                    "--cohort-id", "\(id)", "--cdm-schema", cdm, "--results-schema", results])
            try #require(sql.status == 0, "circe_sql.py: \(sql.errors)")
            let psql = try ExternalProgram.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", server], input: sql.output)
            try #require(psql.status == 0, "circe's SQL for \(id): \(psql.errors)")
            for (table, columns) in [("cohort", "subject_id, cohort_start_date, cohort_end_date"),
                                     ("cohort_inclusion_result", "mode_id, inclusion_rule_mask, person_count"),
                                     ("cohort_inclusion_stats", "rule_sequence, mode_id, person_count, gain_count, person_total"),
                                     ("cohort_summary_stats", "mode_id, base_count, final_count")] {
                let ours = "SELECT \(columns) FROM \"\(cdm)\".\(table) WHERE cohort_definition_id = \(id)"
                let theirs = "SELECT \(columns) FROM \"\(results)\".\(table) WHERE cohort_definition_id = \(id)"
                let circeRows = try await db.query("SELECT COUNT(*) AS n FROM (\(theirs)) t").first?["n"].integerValue ?? 0
                // circe writes statistics only for definitions with inclusion rules.
                if table != "cohort" && circeRows == 0 { continue }
                if table == "cohort_inclusion_stats" { ruleStatistics += Int(circeRows) }
                let differences = try await db.query("SELECT COUNT(*) AS n FROM ((\(ours) EXCEPT \(theirs)) UNION ALL (\(theirs) EXCEPT \(ours))) d")
                    .first?["n"].integerValue
                #expect(differences == 0, "\(id) \(table): \(differences ?? -1) rows differ from circe-be's")
            }
        }
        #expect(persons > 1_000)
        #expect(ruleStatistics > 50)
    }
}
