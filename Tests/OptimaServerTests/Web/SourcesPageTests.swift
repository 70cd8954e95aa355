import CDMStore
import CDMTestSupport
import Evidence
import Foundation
import Governance
import Hummingbird
import OMOP
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// The data-sources page against independent SQL and the library: the headline and per-table figures equal
/// counts written here in SQL, the data-quality rows equal `dataQuality`, small counts read "<5", and an objection
/// shows on the next request although the portrait is cached.
@Suite struct SourcesPageTests {
    static func withServer(_ backend: TestDatabases.Backend, _ body: @escaping @Sendable (TestServer, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 400, seed: 23), site: .single, persons: 0..<400)
            // Two measurements of a person who does not exist: isForeignKey fails with a count below 5.
            try await db.transaction((1...2).map { i in
                SQLStatement("""
                    INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date, measurement_type_concept_id)
                    VALUES (?, 999999999, 3000963, ?, 32817)
                    """, [.integer(900_000_000 + Int64(i)), .date(CDMDate(year: 2020, month: 1, day: i)!)])
            })
            try await body(try await TestServer.make(db), db)
        }
    }

    /// The text of the element with `id`, tags stripped.
    static func text(id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.firstIndex(of: ">"), let close = rest[open...].range(of: "</") else { return nil }
        return unescape(String(rest[rest.index(after: open)..<close.lowerBound]))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The rows of a table with a `data-NAME` attribute, as (value, cells' text by class).
    static func rows(_ attribute: String, in html: String) -> [(key: String, html: Substring)] {
        html.matches(of: try! Regex("<tr data-\(attribute)=\"([^\"]*)\"(.*?)</tr>")).map { match in
            (String(match.output[1].substring ?? ""), match.output[2].substring ?? "")
        }
    }

    static func cell(_ className: String, in row: Substring) -> String? {
        guard let match = row.firstMatch(of: try! Regex("class=\"num \(className)\">([^<]*)<")) else { return nil }
        return unescape(String(match.output[1].substring ?? ""))
    }

    static func number(_ text: String?) -> Int? { text.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) } }

    @Test(arguments: TestDatabases.backends)
    func figuresEqualIndependentSQL(_ backend: TestDatabases.Backend) async throws {
        try await Self.withServer(backend) { server, db in
            try await server.web(as: .researcher) { web in
                let page = try await web.get("/sources")
                #expect(page.status == .ok)
                let persons = try await db.query("SELECT COUNT(*) AS n FROM person").first?["n"].integerValue
                #expect(Self.number(Self.text(id: "persons-total", in: page.body)).map(Int64.init) == persons)
                #expect(Self.text(id: "cdm-version", in: page.body) != nil)
                #expect(Self.text(id: "vocabulary-version", in: page.body) != nil)

                let tables = Self.rows("table", in: page.body).filter { $0.html.contains("class=\"num records\"") }
                #expect(tables.count >= 5, "the domain table lists the clinical tables")
                for (table, row) in tables {
                    let sql = try await db.query("SELECT COUNT(*) AS r, COUNT(DISTINCT person_id) AS p FROM \(table)").first
                    let (records, persons) = (Int(sql?["r"].integerValue ?? 0), Int(sql?["p"].integerValue ?? 0))
                    #expect(Self.cell("records", in: row) == (records >= 5 ? SourcesNumber.grouped(records) : "<5"), "\(table) records")
                    #expect(Self.cell("persons", in: row) == (persons >= 5 ? SourcesNumber.grouped(persons) : "<5"), "\(table) persons")
                }
                for id in ["domains", "pyramid", "records-by-year", "quality"] { #expect(page.body.contains("id=\"\(id)\""), "#\(id)") }
                #expect(page.body.contains("role=\"img\""), "the charts are images with a description")

                let report = try await db.dataQuality(DataQualitySettings(minimumCount: 5))
                let checks = Self.rows("check", in: page.body)
                #expect(checks.count == report.results.count)
                for (result, (name, row)) in zip(report.results, checks) {
                    #expect(name == result.check.name)
                    #expect(Self.cell("violating", in: row) == SourcesNumber.count(result.violating), "\(name) \(result.check.table)")
                    #expect(Self.cell("denominator", in: row) == SourcesNumber.count(result.denominator), "\(name) \(result.check.table)")
                    #expect(row.contains("data-status=\"\(result.status.rawValue)\""), "\(name) \(result.check.table)")
                }
                let foreign = try #require(checks.first { $0.key == "isForeignKey" && $0.html.contains("measurement") })
                #expect(Self.cell("violating", in: foreign.html) == "<5", "2 violating rows read <5")
                #expect(foreign.html.contains("badge-bad"), "and the check fails")
            }
        }
    }

    @Test func recordsByYearFollowsTheChosenTableAndAnObjectionShowsAtOnce() async throws {
        try await Self.withServer(.sqlite) { server, db in
            try await server.web(as: .dataSteward) { web in
                let page = try await web.get("/sources?table=condition_occurrence")
                #expect(page.body.contains("id=\"records-by-year\" data-table=\"condition_occurrence\""))
                let years = try await db.query("""
                    SELECT CAST(strftime('%Y', condition_start_date) AS INTEGER) AS y, COUNT(*) AS n FROM condition_occurrence GROUP BY 1 ORDER BY 1
                    """)
                let caption = try #require(page.body.firstMatch(of: #/Records of condition_occurrence by the year of their date: ([^<]*)\./#)?.output.1)
                // A year of 5 or more reads its count unless complementary suppression masked it with a small one.
                for row in years where (row["n"].integerValue ?? 0) >= 5 {
                    let year = row["y"].integerValue!
                    #expect(caption.contains("\(year) \(SourcesNumber.grouped(Int(row["n"].integerValue!)))") || caption.contains("\(year) suppressed"),
                            "year \(year)")
                }
                #expect(years.contains { caption.contains("\($0["y"].integerValue!) \(SourcesNumber.grouped(Int($0["n"].integerValue!)))") },
                        "the chart shows counts")
                let unknown = try await web.get("/sources?table=no_such_table")
                #expect(unknown.status == .ok && !unknown.body.contains("data-table=\"no_such_table\""), "an unknown table falls back to the largest")

                let before = Self.number(Self.text(id: "persons-total", in: page.body))
                let pseudonym = try #require(try await db.query("SELECT person_source_value AS p FROM person ORDER BY person_id").first?["p"].textValue)
                let recorded = try await db.recordObjection(candidates: [pseudonym])
                #expect(recorded)
                let after = Self.number(Self.text(id: "persons-total", in: try await web.get("/sources").body))
                #expect(after == before.map { $0 - 1 }, "the objecting person leaves the figures on the next request")
            }
        }
    }

    @Test(.enabled(if: HTMLValidator.isAvailable, "\(HTMLValidator.skipReason)"))
    func theFullPageParsesCleanly() async throws {
        try await Self.withServer(.sqlite) { server, _ in
            try await server.web(as: .researcher) { web in
                let page = try await web.get("/sources")
                let problems = try await HTMLValidator.problems(["/sources": page.body])
                #expect(problems?.isEmpty == true, "\(problems ?? [:])")
            }
        }
    }
}
