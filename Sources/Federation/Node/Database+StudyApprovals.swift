import CDMStore
import Foundation
import Governance

extension Database {
    /// The node's study tables, created when missing (both dialects).
    public func createStudyApprovalTables() async throws {
        try await transaction([
            SQLStatement("""
                CREATE TABLE IF NOT EXISTS optima_federated_study (
                  study_hash TEXT PRIMARY KEY, name TEXT NOT NULL, document TEXT NOT NULL,
                  announced_at TEXT NOT NULL, announced_by TEXT NOT NULL)
                """),
            SQLStatement("""
                CREATE TABLE IF NOT EXISTS optima_study_approval (
                  study_hash TEXT PRIMARY KEY, approved_by TEXT NOT NULL, approved_at TEXT NOT NULL)
                """),
        ])
    }

    /// Keeps an announced study (the first announcement of a hash stays; a repeat changes nothing).
    public func recordAnnouncedStudy(_ study: StudySpecification, announcedBy: String, at date: Date = Date()) async throws {
        guard let text = String(data: study.document, encoding: .utf8), Data(text.utf8) == study.document else {
            throw FederationError("invalid-study", "study \(study.hash.prefix(12)): the document is not UTF-8 text")
        }
        try await createStudyApprovalTables()
        try await execute("""
            INSERT INTO optima_federated_study (study_hash, name, document, announced_at, announced_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (study_hash) DO NOTHING
            """, [.text(study.hash), .text(study.name), .text(text), .text(GovernanceClock.text(date)), .text(announcedBy)])
    }

    /// The announced study of this hash, read back and checked against its hash; nil when never announced.
    public func announcedStudy(hash: String) async throws -> StudySpecification? {
        try await createStudyApprovalTables()
        let rows = try await query("SELECT document FROM optima_federated_study WHERE study_hash = ?", [.text(hash)])
        guard let text = rows.first?["document"].textValue else { return nil }
        let study = try StudySpecification(document: Data(text.utf8))
        guard study.hash == hash else {
            throw FederationError("invalid-study", "optima_federated_study: the document stored under \(hash.prefix(12)) hashes to \(study.hash.prefix(12))")
        }
        return study
    }

    /// Every announced study, newest first, with its approval.
    public func announcedStudies() async throws -> [AnnouncedStudy] {
        try await createStudyApprovalTables()
        let rows = try await query("""
            SELECT s.study_hash, s.name, s.document, s.announced_at, s.announced_by, a.approved_by, a.approved_at
            FROM optima_federated_study s LEFT JOIN optima_study_approval a ON a.study_hash = s.study_hash
            ORDER BY s.announced_at DESC, s.study_hash
            """)
        return rows.map { row in
            AnnouncedStudy(hash: row["study_hash"].textValue ?? "", name: row["name"].textValue ?? "",
                           document: Data((row["document"].textValue ?? "").utf8), announcedAt: row["announced_at"].textValue ?? "",
                           announcedBy: row["announced_by"].textValue ?? "", approvedBy: row["approved_by"].textValue,
                           approvedAt: row["approved_at"].textValue)
        }
    }

    /// Approves exactly this document (by its SHA-256, 64 hex digits). A steward may approve before the study is
    /// announced; approving again keeps the first approval.
    public func approveStudy(hash: String, approvedBy: String, at date: Date = Date()) async throws {
        let hash = try Self.checkedStudyHash(hash)
        try await createStudyApprovalTables()
        try await execute("""
            INSERT INTO optima_study_approval (study_hash, approved_by, approved_at) VALUES (?, ?, ?)
            ON CONFLICT (study_hash) DO NOTHING
            """, [.text(hash), .text(approvedBy), .text(GovernanceClock.text(date))])
    }

    /// Withdraws an approval; whether there was one.
    @discardableResult
    public func revokeStudyApproval(hash: String) async throws -> Bool {
        let hash = try Self.checkedStudyHash(hash)
        let approved = try await isStudyApproved(hash: hash)
        try await execute("DELETE FROM optima_study_approval WHERE study_hash = ?", [.text(hash)])
        return approved
    }

    public func isStudyApproved(hash: String) async throws -> Bool {
        try await createStudyApprovalTables()
        return try await !query("SELECT 1 AS approved FROM optima_study_approval WHERE study_hash = ?", [.text(hash)]).isEmpty
    }

    /// The hash in lower case; throws "invalid-study-hash" unless it is 64 hexadecimal digits.
    static func checkedStudyHash(_ hash: String) throws -> String {
        let lower = hash.lowercased()
        guard lower.count == 64, lower.allSatisfy({ $0.isHexDigit && $0.isASCII }) else {
            throw FederationError("invalid-study-hash", "\"\(hash.prefix(80))\" is not a study hash (64 hexadecimal digits; optima study hash STUDY.json prints it)")
        }
        return lower
    }
}
