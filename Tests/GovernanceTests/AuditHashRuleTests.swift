import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Testing

/// The hash rule in docs/governance-audit.md, implemented independently in Python, gives the stored hashes:
/// anyone can check the trail without Optima.
@Suite struct AuditHashRuleTests {
    static let python = """
        import hashlib, json, sys
        def field(x):
            if x is None: return b"-"
            b = str(x).encode()
            return str(len(b)).encode() + b":" + b
        for row in json.load(sys.stdin):
            print(hashlib.sha256(b"".join(field(x) for x in ["optima-audit-v1"] + row)).hexdigest())
        """

    @Test(.enabled(if: ExternalProgram.hasPythonModule("hashlib"), "python3 is not on PATH"))
    func pythonRecomputesEveryStoredHash() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let entries = try await AuditChainTests.recorded(db)
            let rows = try await db.query("""
                SELECT seq, recorded_at, actor, role, action, resource, outcome, purpose, request_id, detail, previous_hash
                FROM optima_audit ORDER BY seq
                """)
            let json = rows.map { row in row.values.map { value -> Any in value.isNull ? NSNull() : value.textValue ?? "" } }
            let input = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            let run = try ExternalProgram.run(["python3", "-c", Self.python], input: input)
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.split(separator: "\n").map(String.init) == entries.map(\.hash))
        }
    }
}
