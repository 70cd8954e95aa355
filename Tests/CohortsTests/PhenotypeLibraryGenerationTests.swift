import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Synthetic
import Testing

/// Every PhenotypeLibrary definition, unchanged, generates without error on Eunomia GiBleed and on a
/// generated oncology population, on both backends; failures are reported by definition id.
@Suite struct PhenotypeLibraryGenerationTests {
    static var definitions: [(id: Int64, expression: CohortExpression)] {
        get throws {
            let folder = ReferenceDatasets.path("phenotypes/cohorts")
            return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted().map { name in
                let id = try #require(Int64(name.dropLast(".json".count)))
                return (id, try CohortExpression.parse(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
            }
        }
    }

    static func generateAll(on db: any Database) async throws -> (failures: [String], persons: Int) {
        var failures: [String] = []
        var persons = 0
        for (id, expression) in try definitions {
            do {
                persons += try await db.generateCohort(expression, cohortID: id).persons
            } catch {
                failures.append("\(id): \(String(describing: error).prefix(300))")
            }
        }
        return (failures, persons)
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes") && ReferenceDatasets.isPresent("gibleed"), "\(ReferenceDatasets.skipReason)"),
          arguments: TestDatabases.backends)
    func everyDefinitionGeneratesOnGiBleed(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            _ = try await db.importFolder(ReferenceDatasets.path("gibleed"), kind: .omop)
            let result = try await Self.generateAll(on: db)
            #expect(result.failures.isEmpty, "\(result.failures.count) failed on \(backend):\n\(result.failures.joined(separator: "\n"))")
            // Not vacuous: GiBleed's conditions and drugs put many people into the library's cohorts.
            #expect(result.persons > 50_000)
        }
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"), arguments: TestDatabases.backends)
    func everyDefinitionGeneratesOnAGeneratedPopulation(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let settings = GenerationSettings(persons: 2_000, seed: 13)
            _ = try await db.generatePopulation(settings, site: .single, persons: 0..<settings.persons)
            let result = try await Self.generateAll(on: db)
            #expect(result.failures.isEmpty, "\(result.failures.count) failed on \(backend):\n\(result.failures.joined(separator: "\n"))")
            #expect(result.persons > 10_000)
        }
    }
}
