import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// `optima audit`, run as an operator runs it.
@Suite struct AuditCommandTests {
    let cli = CommandLineTests()

    @Test(arguments: TestDatabases.backends)
    func verifyPrintsTheHeadThenNamesTheTamperedEntry(_ backend: TestDatabases.Backend) async throws {
        let url = try TestDatabases.makeLocation(backend)
        let db = try await DatabaseLocation(parsing: url).open()
        try await db.createGovernanceSchema()
        let log = AuditLog(database: db)
        var head = ""
        for i in 1...4 {
            head = try await log.record(AuditEvent(actor: "local:ana", action: "import omop", resource: "database",
                                                   purpose: .dataManagement, detail: "rows \(i)")).hash
        }

        let intact = try cli.optima(["audit", "verify", "--db", url])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout == "audit chain intact: 4 entries, head \(head)\n")

        try await db.execute("UPDATE optima_audit SET detail = 'rows 0' WHERE seq = 2")
        try await db.close()
        let broken = try cli.optima(["audit", "verify", "--db", url])
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("audit chain broken at entry 2: its hash does not match its content"), "\(broken.stderr)")

        let json = try cli.optima(["audit", "verify", "--json", "--db", url])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(json.status == 1 && object["isIntact"] as? Bool == false && object["entries"] as? Int == 4)
        #expect((object["firstBroken"] as? [String: Any])?["sequence"] as? Int == 2)

        let show = try cli.optima(["audit", "show", "--limit", "2", "--db", url])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.split(separator: "\n").count == 3 && show.stdout.contains("rows 4") && !show.stdout.contains("rows 1"))
        let badSince = try cli.optima(["audit", "show", "--since", "yesterday", "--db", url])
        #expect(badSince.status != 0 && badSince.stderr.contains("--since \"yesterday\""))

        let report = try cli.optima(["audit", "report", "--json", "--db", url])
        let processing = try #require((try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["processing"] as? [[String: Any]])
        #expect(processing.count == 1 && processing.first?["purpose"] as? String == "data-management" && processing.first?["events"] as? Int == 4)
    }
}
