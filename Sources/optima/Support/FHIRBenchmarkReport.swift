import Foundation

/// What `optima bench fhir` measured: the export, the read-and-parse baseline, and each backend's import
/// with its speed as a ratio of the baseline and its check against the generated CDM.
struct FHIRBenchmarkReport: Encodable {
    /// One timed step. Peak memory is the process's maximum resident set size at the end of the step:
    /// it only grows, so a step shows its own peak only where it exceeds every step before it.
    struct Phase: Encodable {
        let resources: Int
        let megabytes: Double
        let seconds: Double
        let peakResidentMegabytes: Double

        var resourcesPerSecond: Double { Double(resources) / seconds }
        var megabytesPerSecond: Double { megabytes / seconds }

        enum CodingKeys: String, CodingKey {
            case resources, megabytes, seconds, peakResidentMegabytes, resourcesPerSecond, megabytesPerSecond
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(resources, forKey: .resources)
            try container.encode(megabytes, forKey: .megabytes)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(peakResidentMegabytes, forKey: .peakResidentMegabytes)
            try container.encode(resourcesPerSecond, forKey: .resourcesPerSecond)
            try container.encode(megabytesPerSecond, forKey: .megabytesPerSecond)
        }
    }

    struct Import: Encodable {
        let database: String
        let phase: Phase
        /// Rows per table in the import, against the generated CDM's (visit_detail against visit_occurrence).
        let rows: [String: Int]
        /// What does not match: a count that differs, an unbalanced report, rejected resources. Empty when verified.
        let problems: [String]
    }

    let machine: String
    let persons: Int
    let seed: UInt64
    let generationSeconds: Double
    /// Rows per table of the generated CDM.
    let sourceRows: [String: Int]
    let export: Phase
    /// Reading and parsing every exported file, no mapping, no database.
    let baseline: Phase
    let imports: [Import]

    var verified: Bool { imports.allSatisfy(\.problems.isEmpty) }

    var text: String {
        func line(_ label: String, _ phase: Phase) -> String {
            let rate = Int(phase.resourcesPerSecond).formatted()
            return label.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%8.1f s  ", phase.seconds) + String(repeating: " ", count: max(0, 9 - rate.count)) + rate
                + String(format: " resources/s  %6.1f MB/s  peak %5.0f MiB", phase.megabytesPerSecond, phase.peakResidentMegabytes)
        }
        var lines = [
            "machine               \(machine)",
            "persons               \(persons.formatted()) (seed \(seed)), generated in \(String(format: "%.1f", generationSeconds)) s",
            "export                \(export.resources.formatted()) resources, \(String(format: "%.1f", export.megabytes)) MB NDJSON",
            line("  export (OMOP→FHIR)", export),
            line("baseline (read+parse)", baseline),
        ]
        for result in imports {
            lines.append(line("import \(result.database.hasPrefix("postgres") ? "PostgreSQL" : "SQLite")", result.phase))
            lines.append("  into                \(result.database)")
            lines.append("  import / baseline   \(String(format: "%.2f", result.phase.seconds / baseline.seconds))× the time of reading alone")
            lines.append("  check               " + (result.problems.isEmpty
                ? "every clinical table's row count matches the generated CDM; report balanced, 0 rejected"
                : "FAILED: " + result.problems.joined(separator: "; ")))
        }
        lines.append("peak memory is the process's maximum resident set size at the end of each step (it only grows)")
        return lines.joined(separator: "\n")
    }

    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
