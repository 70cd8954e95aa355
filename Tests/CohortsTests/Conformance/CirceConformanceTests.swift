import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Testing

/// circe-be's own cohort-generation test cases (shared/data/circe-conformance/manifest.json), replayed on
/// our engine: the same cohort rows, inclusion-rule results and censor statistics as circe's expected
/// rows, on SQLite and PostgreSQL; the two invalid definitions are refused before anything is written.
@Suite struct CirceConformanceTests {
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(ReferenceDatasets.skipReason)"), arguments: TestDatabases.backends)
    func everyCasePasses(_ backend: TestDatabases.Backend) async throws {
        let cases = try ConformanceManifest.cases()
        try await TestDatabases.with(backend) { db, _ in
            var passed = 0
            for conformanceCase in cases {
                try await ConformanceDatabase.prepare(conformanceCase, in: db)
                if conformanceCase.expectError {
                    let before = try await db.query("SELECT COUNT(*) AS n FROM cohort").first?["n"].integerValue
                    // Refused when read (the JSON path says where) or, at the latest, when compiled.
                    let expression = try? CohortExpression.parse(try conformanceCase.expressionData())
                    if let expression {
                        await #expect(throws: CohortCompilationError.self, "\(conformanceCase.name)") {
                            try await db.generateCohort(expression, cohortID: conformanceCase.cohortId)
                        }
                    }
                    #expect(try await db.query("SELECT COUNT(*) AS n FROM cohort").first?["n"].integerValue == before)
                    passed += 1
                    continue
                }
                let expression = try CohortExpression.parse(try conformanceCase.expressionData())
                _ = try await db.generateCohort(expression, cohortID: conformanceCase.cohortId)
                let mismatches = try await ConformanceComparison.mismatches(for: conformanceCase, in: db)
                #expect(mismatches.isEmpty, "\(conformanceCase.name) on \(backend): \(mismatches.joined(separator: "; "))")
                if mismatches.isEmpty { passed += 1 }
            }
            #expect(passed == 41)
        }
    }

    /// The negative cases are refused with a message that says what is wrong and where.
    @Test(.enabled(if: ConformanceManifest.isPresent, "\(ReferenceDatasets.skipReason)"))
    func invalidDefinitionsNameTheProblem() throws {
        let messages = try ConformanceManifest.cases().filter(\.expectError).map { conformanceCase in
            do {
                _ = try CohortExpression.parse(try conformanceCase.expressionData())
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("EndStrategy.CustomEra.DrugCodesetId") })
        #expect(messages.contains { $0.contains("Occurrence.Type") && $0.contains("-99") })
    }
}
