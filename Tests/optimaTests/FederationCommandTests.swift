import CDMStore
import CDMTestSupport
import Federation
import Foundation
import Testing

/// `optima study validate|hash` on the example study and a broken copy, and the steward's `optima node
/// approve|studies|keygen`, as a user runs them.
@Suite struct FederationCommandTests {
    let cli = CommandLineTests()
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/studies/breast-network.json").path

    /// SHA-256 of a file's bytes by coreutils, outside the project.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test func theExampleStudyIsValidAndItsHashIsTheFilesSHA256() throws {
        let validate = try cli.optima(["study", "validate", Self.example])
        #expect(validate.status == 0, "\(validate.stderr)")
        let analyses = try StudySpecification(contentsOf: URL(fileURLWithPath: Self.example)).analyses.count
        #expect(validate.stdout.contains("valid — \(analyses) analyses on 3 nodes"), "\(validate.stdout)")
        let hash = try cli.optima(["study", "hash", Self.example])
        #expect(hash.status == 0)
        let expected = try Self.sha256sum(Self.example)
        #expect(expected.count == 64)
        #expect(hash.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        #expect(validate.stdout.contains("hash \(expected)"))
    }

    @Test func aBrokenCopyExits64NamingEachField() throws {
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.example))) as? [String: Any])
        var analyses = try #require(document["analyses"] as? [[String: Any]])
        let lasso = try #require(analyses.firstIndex { $0["type"] as? String == "lasso-logistic" })
        var learning = try #require(analyses[lasso]["learning"] as? [String: Any])
        learning["holdout_fraction"] = 0.9
        analyses[lasso]["learning"] = learning
        document["analyses"] = analyses
        document["minimum_nodes"] = 7
        let path = try TestDatabases.temporaryDirectory() + "/broken.json"
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        for verb in ["validate", "hash"] {
            let run = try cli.optima(["study", verb, path])
            #expect(run.status == 64, "\(verb): \(run.status)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("analyses[\(lasso)].learning.holdout_fraction: must be 0.05–0.5"), "\(verb): \(run.stderr)")
            #expect(run.stderr.contains("minimum_nodes: 7 is not between 1 and the 3 nodes named"), "\(verb): \(run.stderr)")
        }
        let missing = try cli.optima(["study", "validate", path + ".absent"])
        #expect(missing.status == 64 && missing.stderr.contains("broken.json.absent"), "\(missing.stderr)")
    }

    @Test(arguments: TestDatabases.backends)
    func aStewardApprovesAnAnnouncedStudy(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, url in
            let study = try StudySpecification(contentsOf: URL(fileURLWithPath: Self.example))
            try await db.recordAnnouncedStudy(study, announcedBy: "coordinator")
            let hash = try cli.optima(["study", "hash", Self.example]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)

            let pending = try cli.optima(["node", "studies", "--db", url])
            #expect(pending.status == 0, "\(pending.stderr)")
            #expect(pending.stdout.contains("\(hash)  PENDING: optima node approve \(hash)"), "\(pending.stdout)")

            let approve = try cli.optima(["node", "approve", hash, "--db", url])
            #expect(approve.status == 0, "\(approve.stderr)")
            #expect(approve.stdout.contains("Study \(hash) approved."))
            let listed = try cli.optima(["node", "studies", "--db", url, "--json"])
            #expect(listed.status == 0, "\(listed.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["hash"] as? String == hash)
            #expect(rows.first?["approved_by"] is String && rows.first?["approved_at"] is String)
            #expect(rows.first?["nodes"] as? [String] == ["site1", "site2", "site3"])
            #expect(try await db.isStudyApproved(hash: hash))

            let bad = try cli.optima(["node", "approve", "not-a-hash", "--db", url])
            #expect(bad.status != 0 && bad.stderr.contains("is not a study hash"), "\(bad.stderr)")
            let revoke = try cli.optima(["node", "approve", hash, "--revoke", "--db", url])
            #expect(revoke.status == 0 && revoke.stdout.contains("withdrawn"))
            #expect(try await !db.isStudyApproved(hash: hash))
        }
    }

    @Test func keygenWritesAKeyWhosePublicKeyItPrints() throws {
        let path = try TestDatabases.temporaryDirectory() + "/node.key"
        let run = try cli.optima(["node", "keygen", "--out", path])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Data(base64Encoded: printed)?.count == 32)
        #expect(try SigningKey(file: URL(fileURLWithPath: path)).publicKeyBase64 == printed)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let again = try cli.optima(["node", "keygen", "--out", path])
        #expect(again.status != 0 && again.stderr.contains("exists"), "\(again.stderr)")
        #expect(try SigningKey(file: URL(fileURLWithPath: path)).publicKeyBase64 == printed)
    }
}
