import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Governance
import Synthetic

/// A generated population with the example breast cancer cohort (id 1), on either backend. The site minimum is
/// 1, so each test's `minimum_count` is the one applied (the site's rule is tested in `DisclosurePropertyTests`).
enum EvidenceFixture {
    static let settings = GenerationSettings(persons: 4_000, seed: 11)
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// AJCC/UICC stage 1–4 and the estrogen receptor test, as the generator writes them.
    static let stages = "concepts:1635838,1635131,1634191,1633987"
    static let estrogenReceptor = "value:36203168"

    static func with<T>(_ backend: TestDatabases.Backend, _ body: (any Database, String) async throws -> T) async throws -> T {
        try await TestDatabases.with(backend) { db, location in
            _ = try await db.generatePopulation(settings, site: .single, persons: 0..<settings.persons)
            let definition = repository.appendingPathComponent("examples/cohorts/breast-cancer.json")
            _ = try await db.generateCohort(try CohortExpression.parse(try Data(contentsOf: definition)), cohortID: 1)
            try await db.setSiteMinimumCellCount(1)
            return try await body(db, location)
        }
    }
}
