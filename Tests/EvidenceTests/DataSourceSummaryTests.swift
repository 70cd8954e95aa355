import CDMStore
import CDMTestSupport
import Evidence
import Foundation
import Governance
import Synthetic
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The data-source summary against an independent reference: pandas reads the same SQLite file whole and counts
/// its own way; every count must match, small cells must read "<N", and PostgreSQL must give the same document.
@Suite struct DataSourceSummaryTests {
    static let script = EvidenceFixture.repository.appendingPathComponent("scripts/reference/summary_cdm_pandas.py").path
    static let generation = GenerationSettings(persons: 2_000, seed: 5)
    static var referenceAvailable: Bool { ExternalProgram.hasPythonModule("pandas") }

    struct Reference: Decodable {
        let counts: [String: Int]
        let years: [String: Double]
        /// Per table: [concept id, name, persons, records].
        let top: [String: [[Value]]]
        let source: [String: String?]
        let vocabulary_version: String?

        enum Value: Decodable, Equatable {
            case number(Int64), text(String)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let number = try? c.decode(Int64.self) { self = .number(number) } else { self = .text(try c.decode(String.self)) }
            }
        }
    }

    /// A generated population on a backend.
    static func with<T>(_ backend: TestDatabases.Backend, _ body: (any Database, String) async throws -> T) async throws -> T {
        try await TestDatabases.with(backend) { db, location in
            _ = try await db.generatePopulation(generation, site: .single, persons: 0..<generation.persons)
            try await db.setSiteMinimumCellCount(1)  // each test's minimum_count applies as given
            return try await body(db, location)
        }
    }

    static func reference(_ location: String, top: Int, minimum: Int) throws -> Reference {
        let run = try ExternalProgram.run(["python3", script, String(location.dropFirst("sqlite:".count)),
                                           "--top", String(top), "--minimum", String(minimum)])
        guard run.status == 0 else { throw TestSetupError("the reference failed: \(run.errors)") }
        return try JSONDecoder().decode(Reference.self, from: Data(run.output.utf8))
    }

    /// Every count of a summary under the reference's keys; with a minimum of 1 only a zero reads "<1".
    static func counts(_ summary: DataSourceSummary) -> [String: Int] {
        var counts: [String: Int] = [:]
        func put(_ key: String, _ count: SmallCellCount) { counts[key] = count.value ?? 0 }
        func put(_ prefix: String, _ categories: [CategoryCount]) { for c in categories { put("\(prefix)/\(c.label)", c.count) } }
        put("persons/total", summary.persons.total)
        put("persons/by_sex", summary.persons.bySex)
        put("persons/by_age_group", summary.persons.byAgeGroup)
        put("persons/by_birth_decade", summary.persons.byBirthDecade)
        for cell in summary.persons.pyramid { put("persons/pyramid/\(cell.sex)/\(cell.ageGroup)", cell.persons) }
        put("observation/persons", summary.observation.persons)
        put("observation/periods", summary.observation.periods)
        put("observation/by_start_year", summary.observation.byStartYear)
        for domain in summary.domains {
            put("domains/\(domain.table)/records", domain.records)
            put("domains/\(domain.table)/persons", domain.persons)
            put("domains/\(domain.table)/year", domain.recordsByYear)
        }
        return counts
    }

    @Test(.enabled(if: referenceAvailable, "Python pandas is not installed; the test command installs it"))
    func agreesWithPandas() async throws {
        try await Self.with(.sqlite) { db, location in
            let summary = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: 1, top: 10))
            let reference = try Self.reference(location, top: 10, minimum: 1)
            let ours = Self.counts(summary)
            for key in Set(ours.keys).union(reference.counts.keys).sorted() where ours[key] != reference.counts[key] {
                Issue.record("\(key): Optima \(ours[key].map(String.init) ?? "missing"), pandas \(reference.counts[key].map(String.init) ?? "missing")")
            }
            #expect(reference.counts["persons/total"] == Self.generation.persons)
            #expect(reference.counts.keys.contains { $0.hasPrefix("persons/pyramid/") }, "the population has no pyramid to compare")
            let years = summary.observation.years
            for (name, value) in [("mean", years.mean), ("sd", years.sd), ("p25", years.p25), ("median", years.median), ("p75", years.p75)] {
                let expected = try #require(reference.years[name])
                let actual = try #require(value, "\(name) is missing")
                #expect(abs(actual - expected) <= 1e-9 * max(1, abs(expected)), "observation years \(name): \(actual) vs \(expected)")
            }
            for domain in summary.domains {
                let expected = reference.top[domain.table]
                #expect((domain.topConcepts == nil) == (expected == nil), "\(domain.table): ranked or not")
                guard let concepts = domain.topConcepts, let expected else { continue }
                #expect(!concepts.isEmpty, "\(domain.table): no concepts to compare")
                let ours = concepts.map { [Reference.Value.number($0.conceptID), .text($0.name), .number(Int64($0.persons.value ?? 0)),
                                           .number(Int64($0.records.value ?? 0))] }
                #expect(ours == expected, "\(domain.table): top concepts")
            }
            let source = try #require(summary.source)
            #expect(source.name == reference.source["cdm_source_name"] ?? nil)
            #expect(source.sourceReleaseDate == reference.source["source_release_date"] ?? nil)
            #expect(source.cdmVersion == reference.source["cdm_version"] ?? nil)
            #expect(summary.vocabularyVersion != nil && summary.vocabularyVersion == reference.vocabulary_version)
        }
    }

    @Test func smallCellsNeverLeave() async throws {
        try await Self.with(.sqlite) { db, _ in
            let minimum = 50
            let open = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: 1, top: 10))
            let governed = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: minimum, top: 10))
            let (all, shown) = (Self.counts(open), Self.counts(governed))
            #expect(all.keys.sorted() == shown.keys.sorted(), "suppression hides values, not categories")
            for (key, count) in all {
                #expect(shown[key] == count || shown[key] == 0, "\(key): \(count) with minimum \(minimum)")
                #expect(count >= minimum || shown[key] == 0, "\(key): \(count) is below \(minimum)")
            }
            #expect(all.values.contains { $0 > 0 && $0 < minimum }, "the population must have a cell below \(minimum) to test")
            for (whole, part) in zip(open.domains, governed.domains) {
                let expected = whole.topConcepts?.filter { ($0.persons.value ?? 0) >= minimum }.map(\.conceptID)
                #expect(part.topConcepts?.map(\.conceptID) == expected, "\(whole.table): top concepts of fewer than \(minimum) persons")
            }
            let json = String(decoding: try JSONEncoder().encode(governed), as: UTF8.self)
            #expect(json.contains("\"<\(minimum)\""))

            let nobody = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: Self.generation.persons + 1))
            #expect(nobody.persons.total.description == "<\(Self.generation.persons + 1)")
            let years = nobody.observation.years
            #expect([years.mean, years.sd, years.p25, years.median, years.p75].allSatisfy { $0 == nil }, "observation time of too few persons is not shown")
            #expect(nobody.domains.allSatisfy { $0.topConcepts?.isEmpty ?? true })
        }
    }

    @Test func pyramidIsAccessibleEscapedSVG() async throws {
        try await Self.with(.sqlite) { db, _ in
            try await db.execute("UPDATE concept SET concept_name = 'F & <W>' WHERE concept_id = 8532")
            // A minimum at the middle cell's size, so the pyramid has bars both drawn and suppressed.
            let sizes = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: 1)).persons.pyramid.compactMap(\.persons.value).sorted()
            let minimum = sizes[sizes.count / 2]
            let summary = try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: minimum))
            let svg = summary.pyramid()
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "well-formed XML")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains("viewBox=\"0 0 ")
                    && svg.contains("role=\"img\"") && svg.contains(">Persons by age group and sex</title>"))
            #expect(svg.contains("F &amp; &lt;W&gt;") && !svg.contains("F & <W>"))
            let drawn = summary.persons.pyramid.filter { $0.persons.value != nil }.count
            let suppressed = summary.persons.pyramid.count - drawn
            #expect(suppressed > 0 && drawn > 0, "cells below \(minimum): \(sizes)")
            #expect(svg.components(separatedBy: "<rect x=").count - 1 == drawn, "one bar per disclosed cell, none for a suppressed one")
            #expect(svg.components(separatedBy: ">&lt;\(minimum)</text>").count - 1 + svg.components(separatedBy: ">suppressed</text>").count - 1
                    == suppressed)
        }
    }

    @Test(.enabled(if: TestDatabases.backends.contains(.postgresql), "OPTIMA_TEST_POSTGRES is not set"))
    func postgresqlGivesTheSameDocument() async throws {
        let settings = DataSourceSummarySettings(minimumCount: 5, top: 10)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let sqlite = try await Self.with(.sqlite) { db, _ in try encoder.encode(try await db.dataSourceSummary(settings)) }
        let postgresql = try await Self.with(.postgresql) { db, _ in try encoder.encode(try await db.dataSourceSummary(settings)) }
        #expect(String(decoding: postgresql, as: UTF8.self) == String(decoding: sqlite, as: UTF8.self))
    }

    @Test func emptyAndMissingCDMs() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            await #expect { try await db.dataSourceSummary(DataSourceSummarySettings()) } throws: { "\($0)".contains("holds no CDM tables") }
            try await db.createSchema()
            let summary = try await db.dataSourceSummary(DataSourceSummarySettings())
            #expect(summary.persons.pyramid.isEmpty && summary.source == nil && summary.observation.years.mean == nil)
            #expect(summary.pyramid().contains("No data to show"))
        }
    }

    @Test func settingsDecodeWithDefaultsAndAreChecked() async throws {
        let defaults = try JSONDecoder().decode(DataSourceSummarySettings.self, from: Data("{}".utf8))
        #expect(defaults == DataSourceSummarySettings())
        let chosen = try JSONDecoder().decode(DataSourceSummarySettings.self, from: Data(#"{"minimum_count": 11, "top": 3}"#.utf8))
        #expect(chosen == DataSourceSummarySettings(minimumCount: 11, top: 3))
        try await TestDatabases.with(.sqlite) { db, _ in
            await #expect { try await db.dataSourceSummary(DataSourceSummarySettings(minimumCount: 0)) } throws: { "\($0)".contains("minimum_count must be at least 1") }
            await #expect { try await db.dataSourceSummary(DataSourceSummarySettings(top: -1)) } throws: { "\($0)".contains("top must not be negative") }
        }
    }
}
