import CDMStore
import Crypto
import Foundation

/// A row of `optima_audit` exactly as stored (text, not decoded), so verification hashes what is there
/// even when a tampered field no longer decodes.
struct AuditRecord: Equatable {
    /// Where the chain stands: the last entry's sequence and hash.
    struct Link: Equatable {
        let sequence: Int64
        let hash: String

        /// Before the first entry.
        static let genesis = Link(sequence: 0, hash: String(repeating: "0", count: 64))
    }

    static let columns = "seq, recorded_at, actor, role, action, resource, outcome, purpose, request_id, detail, previous_hash, hash"

    let sequence: Int64
    let recordedAt: String
    let actor: String
    let role: String?
    let action: String
    let resource: String
    let outcome: String
    let purpose: String
    let requestID: String?
    let detail: String?
    let previousHash: String
    /// As stored; for a new entry, `canonicalHash`.
    private(set) var hash: String

    /// A new entry after `link`, with its hash computed.
    init(_ event: AuditEvent, recordedAt: String, after link: Link) {
        sequence = link.sequence + 1
        self.recordedAt = recordedAt
        actor = event.actor
        role = event.role
        action = event.action
        resource = event.resource
        outcome = event.outcome.rawValue
        purpose = event.purpose.rawValue
        requestID = event.requestID
        detail = event.detail
        previousHash = link.hash
        hash = ""
        hash = canonicalHash
    }

    /// A row selected as `columns`, read by position (the hot path of verification).
    init(row: SQLRow) {
        let v = row.values
        sequence = v[0].integerValue ?? 0
        recordedAt = v[1].textValue ?? ""
        actor = v[2].textValue ?? ""
        role = v[3].textValue
        action = v[4].textValue ?? ""
        resource = v[5].textValue ?? ""
        outcome = v[6].textValue ?? ""
        purpose = v[7].textValue ?? ""
        requestID = v[8].textValue
        detail = v[9].textValue
        previousHash = v[10].textValue ?? ""
        hash = v[11].textValue ?? ""
    }

    var link: Link { Link(sequence: sequence, hash: hash) }

    /// SHA-256 (hex) of the canonical encoding: a version tag, then every field in column order except
    /// `hash`, each as `<UTF-8 byte count>:<bytes>`, or `-` when NULL (so NULL and "" differ and no
    /// field can run into the next).
    var canonicalHash: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        let fields: [String?] = ["optima-audit-v1", String(sequence), recordedAt, actor, role, action, resource,
                                 outcome, purpose, requestID, detail, previousHash]
        for field in fields {
            guard let field else {
                bytes.append(UInt8(ascii: "-"))
                continue
            }
            bytes.append(contentsOf: Array(String(field.utf8.count).utf8))
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: Array(field.utf8))
        }
        return Self.hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Rows per INSERT: a round trip per row is what limits a batch on PostgreSQL; 100 rows bind 1,200 values,
    /// well under both backends' limits.
    static let rowsPerInsert = 100

    /// Multi-row INSERTs of `records`, in order, for one transaction.
    static func inserts(_ records: [AuditRecord]) -> [SQLStatement] {
        stride(from: 0, to: records.count, by: rowsPerInsert).map { start in
            let chunk = records[start..<min(start + rowsPerInsert, records.count)]
            let rows = repeatElement("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            return SQLStatement("INSERT INTO optima_audit (\(columns)) VALUES \(rows)", chunk.flatMap(\.values))
        }
    }

    private var values: [SQLValue] {
        [.integer(sequence), .text(recordedAt), .text(actor), role.map(SQLValue.text) ?? .null, .text(action),
         .text(resource), .text(outcome), .text(purpose), requestID.map(SQLValue.text) ?? .null,
         detail.map(SQLValue.text) ?? .null, .text(previousHash), .text(hash)]
    }

    /// The decoded entry; throws naming the entry and the field when a stored value is not one the trail writes.
    func entry() throws -> AuditEntry {
        guard let date = GovernanceClock.date(recordedAt) else { throw undecodable("recorded_at") }
        guard let outcome = AuditOutcome(rawValue: outcome) else { throw undecodable("outcome") }
        guard let purpose = ProcessingPurpose(rawValue: purpose) else { throw undecodable("purpose") }
        let event = AuditEvent(actor: actor, role: role, action: action, resource: resource, outcome: outcome,
                               purpose: purpose, requestID: requestID, detail: detail)
        return AuditEntry(sequence: sequence, recordedAt: date, event: event, previousHash: previousHash, hash: hash)
    }

    private func undecodable(_ field: String) -> AuditError {
        AuditError("optima_audit entry \(sequence): \(field) holds a value the audit trail never writes; run optima audit verify")
    }
}

extension AuditRecord {
    /// The entry this record stores for `event`, without decoding text back (the event is at hand).
    func entry(of event: AuditEvent, at date: Date) -> AuditEntry {
        AuditEntry(sequence: sequence, recordedAt: GovernanceClock.date(recordedAt) ?? date, event: event,
                   previousHash: previousHash, hash: hash)
    }
}
