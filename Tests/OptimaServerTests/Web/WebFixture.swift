import CDMStore
import Cohorts
import Foundation
import Synthetic

/// A synthetic population with the repository's example cohorts generated under the ids `optima demo` gives them
/// (1 breast, 2 prostate, 3 lung cancer; 11–13 breast cancer treatments): what the whole-application tests open.
enum WebFixture {
    static let cohorts: [(id: Int64, file: String)] = [
        (1, "breast-cancer"), (2, "prostate-cancer"), (3, "lung-cancer"),
        (11, "breast-chemotherapy"), (12, "anti-her2-therapy"), (13, "endocrine-therapy"),
    ]

    static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../examples/cohorts").standardized
    }

    static func populate(_ db: any Database, persons: Int = 2_000) async throws {
        _ = try await db.generatePopulation(GenerationSettings(persons: persons, seed: 7), site: .single, persons: 0..<persons)
        for cohort in cohorts {
            let json = try Data(contentsOf: examples.appendingPathComponent("\(cohort.file).json"))
            _ = try await db.generateCohort(try CohortExpression.parse(json), cohortID: cohort.id)
            try await db.storeCohortDefinition(id: cohort.id, name: cohort.file.replacingOccurrences(of: "-", with: " "), description: nil, json: json)
        }
    }
}
