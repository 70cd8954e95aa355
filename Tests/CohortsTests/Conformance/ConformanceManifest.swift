import CDMTestSupport
import Foundation

/// Reads `circe-conformance/manifest.json` from the reference data (`OPTIMA_REFERENCE_DATA`), so the
/// cohort compiler is checked against the cohorts and rows circe-be's authors wrote, not against our own guesses.
enum ConformanceManifest {
    /// The reference-data folder name, for `ReferenceDatasets.isPresent` in `.enabled(if:)` traits.
    static let dataset = "circe-conformance"

    static var folder: String { ReferenceDatasets.path(dataset) }

    /// Whether the data is there; tests that need it are skipped with `ReferenceDatasets.skipReason` otherwise.
    static var isPresent: Bool { ReferenceDatasets.isPresent(dataset) }

    /// All 41 cases in manifest order (39 generated cohorts and 2 negative cases).
    static func cases() throws -> [ConformanceCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json")))
        return try JSONDecoder().decode([ConformanceCase].self, from: data)
    }

    /// The case with this name, e.g. `limits/cohort4`.
    static func `case`(named name: String) throws -> ConformanceCase {
        guard let found = try cases().first(where: { $0.name == name }) else {
            throw TestSetupError("no conformance case named \(name) in manifest.json")
        }
        return found
    }
}
