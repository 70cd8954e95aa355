import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Ingest
import Synthetic
import Testing

/// The issue's round trip at population scale, on both backends: generated persons exported as FHIR NDJSON and
/// imported into an empty CDM come back row for row — same counts per clinical table, a balanced report with
/// nothing rejected, and the same clinical facts per person (matched through the pseudonym of `person-<id>`).
@Suite struct GeneratedExportImportTests {
    static let settings = GenerationSettings(persons: 300, seed: 11)

    /// Per table, the columns that must survive the trip (besides the person).
    static let facts: [(table: String, columns: [String])] = [
        ("person", ["gender_concept_id", "year_of_birth", "month_of_birth", "day_of_birth"]),
        ("death", ["death_date"]),
        ("condition_occurrence", ["condition_concept_id", "condition_start_date"]),
        ("drug_exposure", ["drug_concept_id", "drug_exposure_start_date"]),
        ("procedure_occurrence", ["procedure_concept_id", "procedure_date"]),
        ("measurement", ["measurement_concept_id", "measurement_date", "value_as_number", "value_as_concept_id", "unit_concept_id"]),
        ("observation", ["observation_concept_id", "observation_date", "value_as_number", "value_as_concept_id", "unit_concept_id"]),
    ]

    @Test(arguments: TestDatabases.backends)
    func generatedPopulationComesBackRowForRow(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { source, _ in
            _ = try await source.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            let directory = try TestDatabases.temporaryDirectory() + "/export"
            let export = try await source.exportFHIR(to: directory)
            let pseudonymizer = Pseudonymizer(secrets: .generate())

            try await TestDatabases.with(backend) { target, _ in
                _ = try await target.installOncologyVocabulary()
                let report = try await target.importFHIR([directory], pseudonymizer: pseudonymizer)
                #expect(report.resourcesRead == export.totalResources)
                #expect(report.isBalanced)
                #expect(report.resourcesRejected == 0, "\(report.rejections.prefix(5))")

                for (table, _) in Self.facts {
                    #expect(try await target.count("SELECT COUNT(*) FROM \(table)") == source.count("SELECT COUNT(*) FROM \(table)"), "\(table)")
                }
                // Same-day encounters merge into one visit; every encounter stays a visit_detail.
                #expect(try await target.count("SELECT COUNT(*) FROM visit_detail") == source.count("SELECT COUNT(*) FROM visit_occurrence"))

                let sourcePerson = try await Self.sourcePersons(imported: target, source: source, pseudonymizer)
                #expect(sourcePerson.count == Self.settings.persons, "every imported person is found by the pseudonym of person-<id>")
                for (table, columns) in Self.facts {
                    let expected = try await Self.facts(table, columns, in: source) { $0 }
                    let imported = try await Self.facts(table, columns, in: target) { sourcePerson[$0] }
                    let missing = expected.subtracting(imported), extra = imported.subtracting(expected)
                    #expect(missing.isEmpty && extra.isEmpty, """
                        \(table) on \(backend): \(missing.total) of \(expected.total) generated rows not imported as they were, \
                        \(extra.total) imported rows not generated; e.g. generated \(missing.examples) imported \(extra.examples) \
                        (person | \(columns.joined(separator: " | ")))
                        """)
                }
            }
        }
    }

    /// Imported person_id → the generated person_id its Patient (`person-<id>`) came from.
    static func sourcePersons(imported: any Database, source: any Database, _ pseudonymizer: Pseudonymizer) async throws -> [Int64: Int64] {
        var byPseudonym: [String: Int64] = [:]
        for row in try await source.query("SELECT person_id FROM person") {
            if let id = row[0].integerValue { byPseudonym[pseudonymizer.pseudonym("\(FHIRPatientID.prefix)\(id)")] = id }
        }
        var map: [Int64: Int64] = [:]
        for row in try await imported.query("SELECT person_id, person_source_value FROM person") {
            if let imported = row[0].integerValue, let pseudonym = row[1].textValue, let id = byPseudonym[pseudonym] { map[imported] = id }
        }
        return map
    }

    /// The table's rows as text tuples of (source person, columns…), counted.
    static func facts(
        _ table: String, _ columns: [String], in db: any Database, person: (Int64) -> Int64?
    ) async throws -> Multiset {
        var rows = Multiset()
        for row in try await db.query("SELECT person_id, \(columns.joined(separator: ", ")) FROM \(table)") {
            let id = row[0].integerValue.flatMap(person).map(String.init) ?? "unknown person"
            let values = columns.indices.map { index -> String in
                let value = row[index + 1]
                if columns[index].hasSuffix("_date") { return value.dateValue?.description ?? "null" }
                return value.integerValue.map(String.init) ?? value.doubleValue.map { "\($0)" } ?? "null"
            }
            rows.insert(([id] + values).joined(separator: " | "))
        }
        return rows
    }

    /// Rows counted by their text, so duplicates must match in number too.
    struct Multiset {
        var counts: [String: Int] = [:]

        var isEmpty: Bool { counts.isEmpty }
        var total: Int { counts.values.reduce(0, +) }
        /// A few rows, for a failure message.
        var examples: String { "[" + counts.keys.sorted().prefix(3).joined(separator: "; ") + "]" }

        mutating func insert(_ row: String) { counts[row, default: 0] += 1 }

        /// The rows of this one not matched by one of the other's.
        func subtracting(_ other: Multiset) -> Multiset {
            var left = Multiset()
            for (row, count) in counts where count > other.counts[row, default: 0] {
                left.counts[row] = count - other.counts[row, default: 0]
            }
            return left
        }
    }
}
