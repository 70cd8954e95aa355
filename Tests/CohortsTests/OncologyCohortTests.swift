import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import OMOP
import Synthetic
import Testing

/// The PhenotypeLibrary's breast, prostate and lung cancer definitions, unchanged, find exactly the
/// patients the generator says it made, entering on the day of diagnosis.
@Suite struct OncologyCohortTests {
    static let settings = GenerationSettings(persons: 3_000, seed: 7)

    /// Definition id → which simulated diagnoses it must find (ids and names: shared/data/phenotypes/README.md).
    static let expectations: [(id: Int, name: String, includes: @Sendable (SimulatedDiagnosis) -> Bool)] = [
        (636, "Malignant tumor of breast", { $0.cancer == .breast }),
        (788, "Breast cancer", { $0.cancer == .breast }),
        (991, "Breast cancer Malignant tumor of breast", { $0.cancer == .breast }),
        (400, "Malignant tumor of prostate", { $0.cancer == .prostate }),
        (644, "Malignant tumor of prostate", { $0.cancer == .prostate }),
        (1030, "Earliest event of Prostate cancer, among adult males", { $0.cancer == .prostate }),
        (1267, "Lung cancer using ICD0", { $0.cancer == .lung }),
        (1281, "Primary Lung Cancer", { $0.cancer == .lung }),
        (1266, "NSCLC for first time using ICD0", { $0.cancer == .lung && $0.concept != ConceptID.Cancer.smallCellCarcinomaOfLung }),
        (1280, "Small Cell Lung Cancer", { $0.concept == ConceptID.Cancer.smallCellCarcinomaOfLung }),
    ]

    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"),
          arguments: TestDatabases.backends)
    func definitionsFindTheGeneratedPatients(_ backend: TestDatabases.Backend) async throws {
        let truth = PopulationSimulation.diagnoses(Self.settings, site: .single, persons: 0..<Self.settings.persons)
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            for expectation in Self.expectations {
                let file = ReferenceDatasets.path("phenotypes/cohorts/\(expectation.id).json")
                let expression = try CohortExpression.parse(try Data(contentsOf: URL(fileURLWithPath: file)))
                _ = try await db.generateCohort(expression, cohortID: Int64(expectation.id))
                let found = Set(try await db.query("SELECT subject_id, cohort_start_date FROM cohort WHERE cohort_definition_id = ?",
                                                   [.integer(Int64(expectation.id))]).map {
                    "\($0["subject_id"].integerValue ?? -1) \($0["cohort_start_date"].dateValue.map(String.init(describing:)) ?? "")"
                })
                let expected = Set(truth.filter(expectation.includes).map { "\($0.personID) \($0.date)" })
                #expect(expected.count >= 20, "\(expectation.id): too few patients to tell")
                #expect(found == expected, """
                    \(expectation.id) \(expectation.name) on \(backend): \(found.subtracting(expected).count) unexpected, \
                    \(expected.subtracting(found).count) missing of \(expected.count)
                    """)
            }
        }
    }
}
