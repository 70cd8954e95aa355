import CDMStore
import CDMTestSupport
@testable import Federation
import Foundation
import Governance
import Hummingbird
import Testing

@testable import OptimaServer

/// The studies pages: the studies announced to this node with their approval (and the approve command for
/// stewards), the coordinator's runs found in the studies folder with each node's status, and one run's nodes
/// and pooled results re-drawn from its `result.json`; a folder name that could leave the studies folder is refused.
@Suite struct StudyPageTests {
    /// A server whose studies page reads `studies`, with the users and tokens of `TestServer`.
    static func server(_ db: any Database, studies: URL?) async throws -> TestServer {
        let base = try await TestServer.make(db)
        let security = try ServerSecurity(database: db, secrets: base.secrets)
        return TestServer(router: try OptimaServer.makeRouter(database: db, security: security, web: WebSettings(studiesDirectory: studies)),
                          tokens: base.tokens, secrets: base.secrets)
    }

    /// The example study, and a second one that differs by its name (so by its hash).
    static func studies() throws -> (StudySpecification, StudySpecification) {
        let url = DecisionSupportPageTests.root.appendingPathComponent("examples/studies/breast-network.json")
        let first = try StudySpecification(contentsOf: url)
        var document = try #require(try JSONSerialization.jsonObject(with: first.document) as? [String: Any])
        document["name"] = "Breast cancer outcomes, second look"
        let second = try StudySpecification(document: JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
        return (first, second)
    }

    /// A finished run as the coordinator writes it: four nodes in four states, counts with a small step, a survival curve.
    static func result() -> StudyResult {
        var counts = AnalysisResult(id: "counts", type: .counts, nodes: ["site1"])
        counts.counts = [CohortCounts(cohort: 1, name: "breast cancer", persons: PooledCount(sum: 120, minimum: 5), records: PooledCount(sum: 131, minimum: 5),
                                      attrition: [.init(name: "base", count: PooledCount(sum: 120, minimum: 5)),
                                                  .init(name: "aged 18 or more", count: PooledCount(sum: 3, minimum: 5))])]
        var survival = AnalysisResult(id: "km", type: .kaplanMeier, nodes: ["site1"])
        survival.survival = SurvivalResult(gridDays: 30, subjects: PooledCount(sum: 120, minimum: 5), withheldCells: 0,
                                           points: [.init(day: 30, atRisk: 120, events: 10, censored: 0, survival: 110.0 / 120, standardError: 0.02,
                                                          lower: 0.85, upper: 0.95)], medianDays: nil)
        return StudyResult(study: "Breast cancer outcomes across the network", hash: String(repeating: "ab", count: 32),
                           started: Date(timeIntervalSince1970: 1_790_090_000), finished: Date(timeIntervalSince1970: 1_790_100_000),
                           nodes: [NodeStatus(name: "site1", state: .done, stepsAnswered: 17, retries: 2, bytesSent: 12_345, bytesReceived: 67_890),
                                   NodeStatus(name: "site2", state: .failed, reason: "timeout after 3 retries", stepsAnswered: 4, retries: 3),
                                   NodeStatus(name: "site3", state: .refused, reason: "refused by its steward"),
                                   NodeStatus(name: "site4", state: .pending, reason: "awaiting approval")],
                           analyses: [counts, survival])
    }

    /// A studies folder with a finished run, a run under way (its state file only), an empty folder and a hidden one.
    static func studiesFolder(_ result: StudyResult) throws -> URL {
        let folder = URL(fileURLWithPath: try TestDatabases.temporaryDirectory()).appendingPathComponent("studies")
        try result.write(to: folder.appendingPathComponent("breast-2026"))
        try result.write(to: folder.appendingPathComponent(".hidden"))
        let running = folder.appendingPathComponent("running-run")
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: true)
        try StudyState(hash: result.hash, started: Date(timeIntervalSince1970: 1_790_000_000),
                       finished: [AnalysisResult(id: "counts", type: .counts, nodes: ["site1"])], running: nil)
            .save(to: running.appendingPathComponent("state.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: TestDatabases.backends) func studiesAnnouncedToTheNodeAndRunsOfTheCoordinatorAreListed(_ backend: TestDatabases.Backend) async throws {
        let result = Self.result()
        let folder = try Self.studiesFolder(result)
        let (approved, pending) = try Self.studies()
        try await TestDatabases.with(backend) { db, _ in
            try await db.recordAnnouncedStudy(approved, announcedBy: "coordinator-a", at: Date(timeIntervalSince1970: 1_790_000_000))
            try await db.recordAnnouncedStudy(pending, announcedBy: "coordinator-b", at: Date(timeIntervalSince1970: 1_790_050_000))
            try await db.approveStudy(hash: approved.hash, approvedBy: "steward-x")
            let server = try await Self.server(db, studies: folder)
            try await server.web(as: .researcher) { web in
                let page = try await web.get("/studies")
                #expect(page.status == .ok)
                let node = try #require(DecisionSupportPageTests.element(id: "node-studies", in: page.body))
                let rows = Self.rows(node, key: "data-hash")
                #expect(rows.map(\.key) == [pending.hash, approved.hash], "newest first")
                let approvedRow = try #require(rows.first { $0.key == approved.hash }?.html)
                #expect(approvedRow.contains(HTML.escape(approved.name)) && approvedRow.contains("\(approved.hash.prefix(12))…"))
                #expect(approvedRow.contains(">approved<") && approvedRow.contains("steward-x"))
                for analysis in approved.analyses { #expect(approvedRow.contains("\(analysis.id) (\(analysis.type.rawValue))")) }
                let pendingRow = try #require(rows.first { $0.key == pending.hash }?.html)
                #expect(pendingRow.contains(">pending<") && pendingRow.contains("coordinator-b"))
                #expect(!node.contains("optima node approve"), "the command is for stewards")

                let runs = try #require(DecisionSupportPageTests.element(id: "study-runs", in: page.body))
                let runRows = Self.rows(runs, key: "data-run")
                #expect(runRows.map(\.key) == ["breast-2026", "running-run"], "finished last first; empty and hidden folders left out")
                let finished = runRows[0].html
                for node in result.nodes {
                    let text = node.state == .failed ? "\(node.name): failed (\(node.reason ?? ""))" : "\(node.name): \(node.state.rawValue)"
                    #expect(finished.contains(">\(text)<"), "\(text)")
                }
                #expect(finished.contains("href=\"/studies/breast-2026\"") && finished.contains(">\(result.analyses.count)<"))
                #expect(runRows[1].html.contains(">running<"))

                let run = try await web.get("/studies/breast-2026")
                #expect(run.status == .ok)
                let table = try #require(DecisionSupportPageTests.element(id: "node-status", in: run.body))
                let nodeRows = Self.rows(table, key: "data-node")
                #expect(nodeRows.map(\.key) == result.nodes.map(\.name))
                for (row, node) in zip(nodeRows, result.nodes) {
                    let numbers = Self.cellTexts(row.html, cellClass: "num")
                    #expect(numbers == [node.stepsAnswered, node.retries, node.bytesSent, node.bytesReceived].map(String.init), "\(node.name)")
                    #expect(row.html.contains(">\(node.state.rawValue)<"))
                }
                let results = try #require(DecisionSupportPageTests.element(id: "study-results", in: run.body))
                let charts = result.analyses.flatMap { $0.charts() }
                #expect(results.components(separatedBy: "<svg").count - 1 == charts.count)
                let cohort = try #require(result.analyses[0].counts?.first)
                for step in cohort.attrition { #expect(results.contains("<td>\(step.name)</td><td class=\"num\">\(HTML.escape(step.count.description))</td>"), "\(step.name)") }
                #expect(results.contains("median not reached"))
                #expect(!results.contains("| "), "the Markdown tables are rendered")

                let underway = try await web.get("/studies/running-run")
                #expect(underway.status == .ok && underway.body.contains("id=\"run-state\"") && underway.body.contains("1 analysis finished"))
                for bad in ["/studies/..%2F..", "/studies/.hidden", "/studies/..", "/studies/a..b"] {
                    let refused = try await web.get(bad)
                    #expect(refused.status == .badRequest || refused.status == .notFound, "\(bad): \(refused.status)")
                    #expect(!refused.body.contains("id=\"node-status\""), "\(bad)")
                }
                #expect(try await web.get("/studies/.hidden").status == .badRequest)
                #expect(try await web.get("/studies/nothing-here").status == .notFound)
                try await DecisionSupportPageTests.expectValid(["studies": page.body, "run": run.body, "running": underway.body])
            }
            try await server.web(as: .dataSteward) { web in
                let node = try #require(DecisionSupportPageTests.element(id: "node-studies", in: try await web.get("/studies").body))
                #expect(node.contains("optima node approve \(pending.hash)"))
                #expect(!node.contains("optima node approve \(approved.hash)"))
            }
            try await server.web(as: .clinician) { (web: WebTestClient) async throws in
                #expect(try await web.get("/studies").status == .forbidden)
                #expect(try await web.get("/studies/breast-2026").status == .forbidden)
            }
        }
    }

    @Test func withoutAStudiesFolderThePageSaysHowToSetOne() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await TestServer.make(db).web(as: .researcher) { web in
                let page = try await web.get("/studies")
                #expect(page.status == .ok)
                #expect(page.body.contains("id=\"no-node-studies\"") && page.body.contains("id=\"no-study-runs\"") && page.body.contains("--studies"))
                #expect(try await web.get("/studies/breast-2026").status == .notFound)
            }
        }
    }

    @Test func folderNamesThatCouldLeaveTheStudiesFolderAreRefused() {
        for name in ["..", "../x", "a/b", ".hidden", "a..b", "", "a\\b"] { #expect(!StudyRunFolder.isFolderName(name), "\(name)") }
        for name in ["breast-2026", "run 1", "études"] { #expect(StudyRunFolder.isFolderName(name), "\(name)") }
    }

    /// The texts of the cells of class `cellClass` in a row.
    static func cellTexts(_ row: String, cellClass: String) -> [String] {
        row.components(separatedBy: "<td class=\"\(cellClass)\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// The rows of a table's body with their `key` attribute, in order.
    static func rows(_ table: String, key: String) -> [(key: String, html: String)] {
        table.components(separatedBy: "<tr \(key)=\"").dropFirst().map { part in
            (String(part.prefix { $0 != "\"" }), part.components(separatedBy: "</tr>")[0])
        }
    }
}
