import CDMStore
import Cohorts
import Foundation

/// The example cohorts `optima demo` stores and generates on a fresh database, so its web pages open onto cohorts,
/// curves and pathways at once. The ids are the ones the README's worked examples use, so its commands regenerate
/// the same cohorts.
enum DemoCohorts {
    static let folder = "examples/cohorts"
    static let files: [(id: Int64, file: String, name: String)] = [
        (1, "breast-cancer", "Breast cancer"), (2, "prostate-cancer", "Prostate cancer"), (3, "lung-cancer", "Lung cancer"),
        (11, "breast-chemotherapy", "Breast cancer chemotherapy"), (12, "anti-her2-therapy", "Anti-HER2 therapy"),
        (13, "endocrine-therapy", "Endocrine therapy"),
    ]

    /// Stores and generates the example cohorts when the folder is at hand (a run from the repository) and the
    /// database holds no cohort definition yet; returns each generated cohort's name and persons.
    static func load(into db: any Database, from folder: String = folder) async throws -> [(name: String, persons: Int)] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        try await db.createCohortTables()
        guard try await db.query("SELECT COUNT(*) AS n FROM cohort_definition").first?["n"].integerValue == 0 else { return [] }
        var generated: [(String, Int)] = []
        for cohort in files {
            let url = URL(fileURLWithPath: folder).appendingPathComponent("\(cohort.file).json")
            guard let json = try? Data(contentsOf: url) else { continue }
            let generation = try await db.generateCohort(try CohortExpression.parse(json), cohortID: cohort.id)
            try await db.storeCohortDefinition(id: cohort.id, name: cohort.name, description: "Example cohort from \(folder)", json: json)
            generated.append((cohort.name, generation.persons))
        }
        return generated
    }
}
