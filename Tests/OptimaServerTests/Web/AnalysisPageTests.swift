import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// The analysis pages: each shows what the library computes (read back from the HTML), its downloads hold the
/// same numbers, sorting happens on the server, small counts read "<5", and a parameter that cannot be used is
/// named on the re-shown form.
@Suite struct AnalysisPageTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/cohorts")

    /// The cohorts a test works on: breast cancer (stored under its name) and two treatment cohorts within it.
    struct Cohorts: Sendable {
        let breast: Int64
        let chemotherapy: Int64 = 11
        let endocrine: Int64 = 12
    }

    func withCohorts(_ backend: TestDatabases.Backend,
                     _ body: @escaping @Sendable (WebTestClient, any Database, Cohorts) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 1_500, seed: 5), site: .single, persons: 0..<1_500)
            let breast = try await db.saveCohortDefinition(name: "Breast cancer", description: nil,
                                                           json: try Data(contentsOf: Self.examples.appendingPathComponent("breast-cancer.json")))
            _ = try await db.generateCohort(try breast.expression(), cohortID: breast.id)
            let cohorts = Cohorts(breast: breast.id)
            for (file, id, name) in [("breast-chemotherapy", cohorts.chemotherapy, "Chemotherapy"), ("endocrine-therapy", cohorts.endocrine, "Endocrine therapy")] {
                let json = try Data(contentsOf: Self.examples.appendingPathComponent("\(file).json"))
                try await db.storeCohortDefinition(id: id, name: name, description: nil, json: json)
                _ = try await db.generateCohort(try CohortExpression.parse(json), cohortID: id)
            }
            try await TestServer.make(db).web { client in try await body(client, db, cohorts) }
        }
    }

    /// Persons in a cohort, counted apart from the pages' own query.
    static func persons(_ db: any Database, _ cohort: Int64) async throws -> Int {
        Int(try await db.query("SELECT COUNT(*) AS n FROM (SELECT DISTINCT subject_id FROM cohort WHERE cohort_definition_id = ?) x",
                               [.integer(cohort)]).first?["n"].integerValue ?? -1)
    }

    static func json(_ page: WebTestClient.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    /// A JSON count (a number, or "<5") as the pages write it.
    static func count(_ value: Any?) -> String {
        if let number = value as? NSNumber { return number.stringValue }
        return value as? String ?? ""
    }

    /// Equal numbers, allowing for the last digit Foundation's JSON reader may round differently.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    }

    @Test(arguments: TestDatabases.backends)
    func chooserListsTheGeneratedCohortsAndAFormPerAnalysis(_ backend: TestDatabases.Backend) async throws {
        try await withCohorts(backend) { client, db, cohorts in
            let page = try await client.get("/analyses")
            #expect(page.status == .ok)
            let rows = try HTMLTable(page.body, id: "analysis-cohorts").rows
            #expect(rows.map { $0[0] } == [String(cohorts.breast), "11", "12"])
            for (row, id) in zip(rows, [cohorts.breast, cohorts.chemotherapy, cohorts.endocrine]) {
                #expect(row[2] == String(try await Self.persons(db, id)))
            }
            #expect(rows.map { $0[1] } == ["Breast cancer", "Chemotherapy", "Endocrine therapy"])
            for kind in AnalysisKind.allCases {
                #expect(page.body.contains("<form class=\"card\" id=\"choose-\(kind.rawValue)\" method=\"get\" action=\"/analyses/\(kind.rawValue)\""))
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func survivalShowsTheLibrarysCurvesNumberAtRiskAndMedians(_ backend: TestDatabases.Backend) async throws {
        try await withCohorts(backend) { client, db, cohorts in
            let overall = try await client.get("/analyses/survival?cohort=\(cohorts.breast)&outcome=death")
            #expect(overall.status == .ok)
            let atRisk = try HTMLTable(overall.body, id: "number-at-risk")
            #expect(atRisk.rows.first?[1] == String(try await Self.persons(db, cohorts.breast)), "at risk at 0 is the cohort")

            let address = "/analyses/survival?cohort=\(cohorts.breast)&strata=stage&outcome=death"
            let page = try await client.get(address)
            #expect(page.status == .ok)
            let library = try await db.survivalAnalysis(SurvivalSettings(target: cohorts.breast, strata: try FeatureChoice.feature("stage", field: "strata")))
            #expect(library.strata.count > 1)
            let table = try HTMLTable(page.body, id: "number-at-risk")
            #expect(table.rows.map { $0[0] } == library.strata.map(\.name))
            #expect(table.rows.map { Array($0.dropFirst()) } == library.strata.map { $0.atRiskTable.map(\.description) })
            let medians = try HTMLTable(page.body, id: "median-survival")
            #expect(medians.rows.map { $0[3] } == library.strata.map { $0.median.map { String(format: "%.2f", $0 / 365.25) } ?? "not reached" })
            #expect(medians.rows.map { $0[1] } == library.strata.map(\.subjects.description))
            let figure = try #require(HTMLTable.element(page.body, id: "km-chart"))
            #expect(figure.contains("role=\"img\"") && figure.contains("<svg") && figure.contains("<figcaption>"))

            let csv = try await client.get(address + "&format=csv")
            #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let json = try Self.json(try await client.get(address + "&format=json"))
            let strata = try #require(json["strata"] as? [[String: Any]])
            var expected: [[String]] = []
            for stratum in strata {
                let columns = ["time", "survival", "lower", "upper"].map { (stratum[$0] as? [Double]) ?? [] }
                let atRisk = (stratum["at_risk"] as? [Any]) ?? [], events = (stratum["events"] as? [Any]) ?? []
                for index in columns[0].indices {
                    expected.append([stratum["name"] as? String ?? ""] + columns.map { String($0[index]) } + [Self.count(atRisk[index]), Self.count(events[index])])
                }
            }
            let parsed = try CSV.parse(csv.body)
            #expect(parsed.first == ["stratum", "time_days", "survival", "lower", "upper", "at_risk", "events"])
            #expect(!expected.isEmpty)
            #expect(Array(parsed.dropFirst()) == expected)

            let svg = try await client.get(address + "&format=svg")
            #expect(svg.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
            #expect(svg.headers[.contentDisposition]?.contains("survival-cohort-\(cohorts.breast)-by-stage.svg") == true)
            #expect(svg.body.contains("<svg") && svg.body.hasSuffix("</svg>\n"))
            #expect(page.body.contains("<p class=\"downloads\">") && page.body.contains("format=csv") && page.body.contains("format=svg"))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func coxShowsTheModelsHazardRatios(_ backend: TestDatabases.Backend) async throws {
        try await withCohorts(backend) { client, db, cohorts in
            let address = "/analyses/cox?cohort=\(cohorts.breast)&covariates=age&covariates=er&outcome=death"
            let page = try await client.get(address)
            #expect(page.status == .ok, "\(page.body)")
            let model = try #require(try await db.survivalAnalysis(SurvivalSettings(
                target: cohorts.breast, covariates: [.age, try Feature("ER=value:36203168")])).cox)
            let rows = try HTMLTable(page.body, id: "cox").rows
            #expect(rows.map { $0[0] } == model.coefficients.map(\.name))
            for (row, coefficient) in zip(rows, model.coefficients) {
                #expect(abs(try #require(Double(row[1])) - coefficient.expCoef) < 0.0005)
                #expect(abs(try #require(Double(row[2])) - coefficient.expLower) < 0.0005)
            }
            #expect(HTMLTable.element(page.body, id: "forest-plot")?.contains("<svg") == true)
            let csv = try CSV.parse(try await client.get(address + "&format=csv").body)
            let json = try Self.json(try await client.get(address + "&format=json"))
            let coefficients = try #require((json["cox"] as? [String: Any])?["coefficients"] as? [[String: Any]])
            #expect(csv.dropFirst().map { $0[0] } == coefficients.map { $0["name"] as? String ?? "" })
            for (row, coefficient) in zip(csv.dropFirst(), coefficients) {
                #expect(Self.same(Double(row[1]), coefficient["exp_coef"] as? Double) && Self.same(Double(row[7]), coefficient["p"] as? Double))
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func characterizationSortsOnTheServerAndShowsSmallCounts(_ backend: TestDatabases.Backend) async throws {
        try await withCohorts(backend) { client, db, cohorts in
            let base = "/analyses/characterization?target=\(cohorts.chemotherapy)&comparator=\(cohorts.endocrine)"
            let library = try await db.characterization(CharacterizationSettings(target: cohorts.chemotherapy, comparator: cohorts.endocrine))
            let unsorted = try HTMLTable(try await client.get(base).body, id: "characterization").rows
            #expect(unsorted.map { $0[0] } == library.rows.map(\.covariate))
            #expect(unsorted.map { $0[2] } == library.rows.map(\.target.persons.description))

            let page = try await client.get(base + "&sort=smd")
            #expect(page.status == .ok)
            let rows = try HTMLTable(page.body, id: "characterization").rows
            let smds = rows.compactMap { Double($0[6]) }.map(abs)
            #expect(smds.count == library.rows.count { $0.smd?.isFinite == true })
            #expect(smds == smds.sorted(by: >), "rows by |SMD|, largest first")
            #expect(page.body.contains("aria-sort=\"descending\""))
            #expect(page.body.contains("order=asc&amp;sort=smd"), "the sorted header's link reverses the order")
            let ascending = try HTMLTable(try await client.get(base + "&sort=smd&order=asc").body, id: "characterization").rows.compactMap { Double($0[6]) }.map(abs)
            #expect(ascending == ascending.sorted())

            let small = library.rows.filter { $0.target.persons.description == "<5" }
            #expect(!small.isEmpty, "a covariate fewer than 5 of the target have")
            for row in small {
                #expect(rows.contains { $0[0] == row.covariate && $0[1] == row.domain && $0[2] == "<5" && $0[3] == "—" })
            }

            let csv = try CSV.parse(try await client.get(base + "&sort=smd&format=csv").body).dropFirst()
            #expect(csv.map { [$0[1], $0[3]] } == rows.map { [$0[0], $0[2]] }, "the file keeps the page's order")
            #expect(csv.map { AnalysisNumber.fixed(Double($0[11]), 3) } == rows.map { $0[6] })
            let json = try Self.json(try await client.get(base + "&format=json"))
            let jsonRows = try #require(json["rows"] as? [[String: Any]])
            let unsortedCSV = try CSV.parse(try await client.get(base + "&format=csv").body).dropFirst()
            #expect(unsortedCSV.map { [$0[1], $0[3]] } == jsonRows.map { row in
                [row["covariate"] as? String ?? "", Self.count((row["target"] as? [String: Any])?["persons"])]
            })
            #expect(zip(unsortedCSV, jsonRows).allSatisfy { Self.same(Double($0[11]), $1["smd"] as? Double) })
        }
    }

    @Test(arguments: TestDatabases.backends)
    func incidenceAndPathwaysShowTheLibrarysCounts(_ backend: TestDatabases.Backend) async throws {
        try await withCohorts(backend) { client, db, cohorts in
            let incidence = try await client.get("/analyses/incidence?target=\(cohorts.breast)&outcome=death&end_days=1826")
            #expect(incidence.status == .ok)
            let rates = try await db.incidenceAnalysis(IncidenceSettings(target: cohorts.breast, outcome: .death, endDays: 1826))
            let rows = try HTMLTable(incidence.body, id: "incidence").rows
            #expect(rows.map { [$0[2], $0[3], $0[5]] } == rates.rows.map { [$0.persons.description, $0.events.description, AnalysisNumber.fixed($0.rate)] })
            let died = try await db.query("""
                SELECT COUNT(DISTINCT c.subject_id) AS n FROM cohort c JOIN death d ON d.person_id = c.subject_id
                WHERE c.cohort_definition_id = ? AND d.death_date < c.cohort_start_date
                """, [.integer(cohorts.breast)]).first?["n"].integerValue ?? 0
            #expect(rows.first?[2] == String(try await Self.persons(db, cohorts.breast) - Int(died)), "overall persons: the cohort less prior deaths")

            let address = "/analyses/pathways?target=\(cohorts.breast)&events=\(cohorts.chemotherapy)&events=\(cohorts.endocrine)&combination_window=30"
            let page = try await client.get(address)
            #expect(page.status == .ok)
            let pathways = try await db.pathwayAnalysis(PathwaySettings(target: cohorts.breast, events: [PathwayEvent(cohort: 11), PathwayEvent(cohort: 12)],
                                                                        combinationWindow: 30))
            let paths = try HTMLTable(page.body, id: "pathways").rows
            #expect(paths.map { [$0[0], $0[1]] } == pathways.paths.map { [$0.label, $0.persons.description] } + [["Other paths", pathways.otherPaths.description]])
            #expect(!pathways.paths.isEmpty)
            #expect(HTMLTable.element(page.body, id: "sunburst")?.contains("<svg") == true)
            let csv = try CSV.parse(try await client.get(address + "&format=csv").body)
            #expect(csv.dropFirst().map { [$0[0], $0[1]] } == paths.map { [$0[0] == "Other paths" ? "other paths" : $0[0], $0[1]] })
            let svg = try await client.get(address + "&format=svg")
            #expect(svg.body.hasPrefix("<svg") || svg.body.hasPrefix("<?xml"))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func parametersThatCannotBeUsedAreNamedBesideTheirField(_ backend: TestDatabases.Backend) async throws {
        try await withCohorts(backend) { client, _, cohorts in
            let id = cohorts.breast
            let cases: [(String, String, String)] = [
                ("/analyses/survival?cohort=999", "cohort", "cohort: cohort 999 has not been generated"),
                ("/analyses/characterization?target=abc", "target", "target: must be a cohort id (got &quot;abc&quot;)"),
                ("/analyses/characterization?target=\(id)&sort=colour", "sort", "sort: must be one of name, target, comparator, smd"),
                ("/analyses/incidence?target=\(id)&outcome=death&start_days=30&end_days=10", "end_days", "end_days: the time at risk ends (day 10) before it starts (day 30)"),
                ("/analyses/incidence?target=\(id)&outcome=7", "outcome", "outcome: cohort 7 has not been generated"),
                ("/analyses/cox?cohort=\(id)&covariates=", "covariates", "covariates: choose at least one covariate"),
                ("/analyses/cox?cohort=\(id)&covariates=tumour-colour", "covariates", "covariates: feature &quot;tumour-colour&quot;"),
                ("/analyses/pathways?target=\(id)", "events", "events: choose at least one event cohort"),
                ("/analyses/survival?cohort=\(id)&format=pdf", "format", "format: must be csv, json or svg"),
                ("/analyses/survival?cohort=\(id)&maximum_days=soon", "maximum_days", "maximum_days: Follow-up limit must be a whole number"),
            ]
            for (address, field, message) in cases {
                let page = try await client.get(address)
                #expect(page.status == .badRequest, "\(address)")
                #expect(page.body.contains(message), "\(address)")
                #expect(page.body.contains("id=\"analysis-form\""), "\(address): the form is shown again")
                if ["cohort", "target", "end_days", "outcome", "maximum_days"].contains(field) {
                    #expect(page.body.contains("id=\"\(field)\" name=\"\(field)\"") && page.body.contains("aria-describedby=\"\(field)-error\""), "\(address)")
                }
            }
            let fresh = try await client.get("/analyses/survival")
            #expect(fresh.status == .ok && fresh.body.contains("id=\"analysis-form\"") && !fresh.body.contains("id=\"analysis-error\""))
            let unknown = try await client.get("/analyses/meta-analysis")
            #expect(unknown.status == .notFound && unknown.body.contains("choose one of characterization, incidence, survival, cox, pathways"))
        }
    }
}

/// A table of a page read back: the text of each body row's cells (header cells included), tags stripped.
struct HTMLTable {
    let rows: [[String]]

    init(_ html: String, id: String) throws {
        guard let table = Self.element(html, id: id), let body = table.range(of: "<tbody>") else { throw WebTestError("no table #\(id)") }
        rows = table[body.upperBound...].components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "</t").dropLast().compactMap { cell in
                cell.range(of: "<t[dh][ >]", options: .regularExpression).map { start in
                    Self.text(String(cell[start.lowerBound...]))
                }
            }
        }
    }

    /// The element with this id, up to its closing tag (elements of the same name are not nested in our pages).
    static func element(_ html: String, id: String) -> String? {
        guard let attribute = html.range(of: "id=\"\(id)\""), let open = html[..<attribute.lowerBound].range(of: "<", options: .backwards) else { return nil }
        let name = html[open.upperBound...].prefix { $0.isLetter }
        guard let close = html[attribute.upperBound...].range(of: "</\(name)>") else { return nil }
        return String(html[open.lowerBound..<close.upperBound])
    }

    static func text(_ fragment: String) -> String {
        fragment.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: " ▼", with: "").replacingOccurrences(of: " ▲", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// RFC 4180 read back, independently of the writer.
enum CSV {
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"": if afterQuote { field.append("\"") }; quoted = true; afterQuote = false
            case ",": row.append(field); field = ""; afterQuote = false
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default: field.append(character); afterQuote = false
            }
        }
        guard row.isEmpty, field.isEmpty, !quoted else { throw WebTestError("the CSV does not end with a line break") }
        return rows
    }
}
