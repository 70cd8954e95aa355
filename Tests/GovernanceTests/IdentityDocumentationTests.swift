import Foundation
import Governance
import Testing

@Suite struct IdentityDocumentationTests {
    /// The roles and permissions table of docs/governance-identity.md, as `Role.permissions` defines it.
    static var table: String {
        let header = "| permission | " + Role.allCases.map(\.rawValue).joined(separator: " | ") + " |\n|---|"
            + String(repeating: "---|", count: Role.allCases.count)
        let rows = Permission.allCases.map { permission in
            "| `\(permission.rawValue)` | " + Role.allCases.map { $0.allows(permission) ? "✓" : "" }.joined(separator: " | ") + " |"
        }
        return ([header] + rows).joined(separator: "\n")
    }

    @Test func theDocumentedRoleTableIsTheCodes() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/governance-identity.md")
        let document = try String(contentsOf: path, encoding: .utf8)
        #expect(document.contains(Self.table), "regenerate the table in docs/governance-identity.md:\n\(Self.table)")
    }
}
