import CDMStore
import Foundation
import Governance

/// The audit trail of the command line: whoever can run `optima` on the site's machine acts as the local
/// operator, named by their account, and every command that reads or changes data leaves an entry.
enum CommandAudit {
    static var actor: String {
        "local:" + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.userName)
    }

    /// Runs `body` and records its outcome: success with `detail` of the result, or failed with the error's kind
    /// (never its message, which may quote input). An error of `body` is rethrown even when recording it fails.
    static func run<T>(
        _ db: any Database, action: String, resource: String, purpose: ProcessingPurpose,
        detail: (T) -> String? = { _ in nil }, outcome: (T) -> AuditOutcome = { _ in .success },
        _ body: () async throws -> T
    ) async throws -> T {
        try await db.createGovernanceSchema()
        let log = AuditLog(database: db)
        func event(_ outcome: AuditOutcome, _ detail: String?) -> AuditEvent {
            AuditEvent(actor: actor, action: action, resource: resource, outcome: outcome, purpose: purpose, detail: detail)
        }
        let result: T
        do {
            result = try await body()
        } catch {
            _ = try? await log.record(event(.failed, "\(type(of: error))"))
            throw error
        }
        try await log.record(event(outcome(result), detail(result)))
        return result
    }
}

extension DatabaseOptions {
    /// Opens the database and runs `body` as one audited operation of the local operator (`CommandAudit`).
    func withAuditedDatabase<T>(
        _ action: String, resource: String, purpose: ProcessingPurpose,
        detail: (T) -> String? = { _ in nil }, outcome: (T) -> AuditOutcome = { _ in .success },
        _ body: (any Database) async throws -> T
    ) async throws -> T {
        try await withDatabase { db in
            try await CommandAudit.run(db, action: action, resource: resource, purpose: purpose, detail: detail, outcome: outcome) {
                try await body(db)
            }
        }
    }
}
