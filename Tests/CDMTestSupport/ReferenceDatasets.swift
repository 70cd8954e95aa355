import Foundation

/// The third-party reference data of `../shared/data`, read from `OPTIMA_REFERENCE_DATA`.
/// Tests that need it are skipped, with a comment naming the variable, when it is absent.
public enum ReferenceDatasets {
    public static var root: String {
        if let path = ProcessInfo.processInfo.environment["OPTIMA_REFERENCE_DATA"], !path.isEmpty { return path }
        // The package root is three levels above this file; the data sits beside the repository.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }

    public static func path(_ dataset: String) -> String {
        (root as NSString).appendingPathComponent(dataset)
    }

    public static func isPresent(_ dataset: String) -> Bool {
        FileManager.default.fileExists(atPath: path(dataset))
    }

    /// Why a reference test did not run, for the skip message.
    public static let skipReason = "reference data absent: set OPTIMA_REFERENCE_DATA to the shared/data folder"

    /// Row counts of each dataset's README (the published figures these tests check against).
    public static let expectedRows: [String: [String: Int]] = [
        "synthea27nj": [
            "person": 28, "observation_period": 28, "visit_occurrence": 1_791, "visit_detail": 1_791,
            "condition_occurrence": 470, "drug_exposure": 883, "procedure_occurrence": 1_649, "device_exposure": 1,
            "measurement": 10_040, "observation": 8_099, "death": 3, "provider": 67, "condition_era": 469,
            "cdm_source": 1, "concept": 2_294, "concept_relationship": 266_588, "vocabulary": 1, "care_site": 0,
            "concept_ancestor": 0, "episode": 0, "cohort": 0,
        ],
        "gibleed": [
            "person": 2_694, "observation_period": 5_343, "visit_occurrence": 1_037, "condition_occurrence": 65_332,
            "condition_era": 65_719, "drug_exposure": 67_707, "drug_era": 52_508, "procedure_occurrence": 37_409,
            "measurement": 44_053, "observation": 1_477, "cdm_source": 1, "concept": 442, "concept_ancestor": 65_690,
            "concept_relationship": 8, "concept_synonym": 1_064, "domain": 45, "relationship": 480, "vocabulary": 125,
            "death": 0, "visit_detail": 0,
        ],
        "synthea1k": [
            "person": 1_130, "observation_period": 1_126, "visit_occurrence": 32_153, "condition_occurrence": 7_900,
            "condition_era": 7_897, "drug_exposure": 29_518, "drug_era": 6_652, "procedure_occurrence": 17_333,
            "measurement": 199_514, "observation": 8_518, "concept": 639, "death": 0,
        ],
    ]
}
