import CDMStore
import CDMTestSupport
import Testing

/// The published sample datasets load with the row counts of their READMEs, on both backends.
@Suite(.serialized) struct ReferenceImportTests {
    static let datasets = ["synthea27nj", "gibleed", "synthea1k"]

    @Test(.enabled(if: ReferenceDatasets.isPresent("synthea27nj"), "\(ReferenceDatasets.skipReason)"),
          arguments: TestDatabases.backends, datasets)
    func loadsWithThePublishedRowCounts(_ backend: TestDatabases.Backend, _ dataset: String) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let summary = try await db.importFolder(ReferenceDatasets.path(dataset), kind: .omop)
            let info = try await db.info()
            for (table, rows) in try #require(ReferenceDatasets.expectedRows[dataset]) {
                #expect(info.tables[table] == rows, "\(dataset) \(table) on \(backend)")
            }
            #expect(info.cdmVersion == "5.4")
            let issues = try await db.verifySchema()
            if dataset == "gibleed" {
                // GiBleed repeats ids in three tables (4,384 drug exposures, 2,183 measurements, 6 observations).
                #expect(Set(issues) == [
                    .primaryKeyNotUnique(table: "drug_exposure", index: "xpk_drug_exposure"),
                    .primaryKeyNotUnique(table: "measurement", index: "xpk_measurement"),
                    .primaryKeyNotUnique(table: "observation", index: "xpk_observation"),
                ])
                #expect(summary.warnings.contains { $0.hasPrefix("drug_exposure: 4384 rows repeat a drug_exposure_id") })
                #expect(summary.warnings.contains { $0.hasPrefix("measurement: 2183 rows repeat") })
                #expect(summary.warnings.contains { $0.contains("admitting_source_concept_id") })
                #expect(summary.warnings.contains { $0.contains("cdm_version_concept_id") })
                #expect(info.vocabularyVersion == "v5.0 18-JAN-19")
            } else {
                #expect(issues.isEmpty, "\(dataset): \(issues)")
            }
            if dataset == "synthea27nj" {
                // The 116 non-standard concepts are written as "" and must load as NULL.
                let nonStandard = try await db.query("SELECT COUNT(*) AS n FROM concept WHERE standard_concept IS NULL")
                #expect(nonStandard.first?["n"].integerValue == 116)
            }
        }
    }
}
