import CDMStore
import Foundation

/// The append-only, hash-chained audit trail of one database, as a writer.
///
/// One instance per process: it serialises appends and group-commits them (events that arrive while a
/// write is in flight go together in the next transaction, chained in arrival order). Other processes may
/// append to the same table: the `seq` primary key refuses a second entry at a sequence, so on a conflict
/// the log reloads the last entry and chains its pending events after it again.
public actor AuditLog {
    private struct Waiter {
        let event: AuditEvent
        let recordedAt: Date
        let continuation: CheckedContinuation<AuditEntry, any Error>
    }

    /// Re-chaining attempts before giving up, when other writers keep winning the race for the next sequence.
    static let maximumAttempts = 100

    private let database: any Database
    /// The last entry written, as far as this log knows; read from the database on first use.
    private var head: AuditRecord.Link?
    private var waiting: [Waiter] = []
    private var isWriting = false

    public init(database: any Database) {
        self.database = database
    }

    /// Appends the event and returns once it is durable (committed). Concurrent callers are group-committed:
    /// events waiting while a write is in flight go together in the next transaction, chained in arrival order.
    /// Throws when the entry could not be written, so a caller can refuse what it was about to do.
    @discardableResult
    public func record(_ event: AuditEvent) async throws -> AuditEntry {
        let recordedAt = Date()
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiter(event: event, recordedAt: recordedAt, continuation: continuation))
            if !isWriting {
                isWriting = true
                Task { await self.writeWaiting() }
            }
        }
    }

    /// Writes batches until nobody waits; each batch is one transaction, its callers resumed together.
    private func writeWaiting() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting.removeAll(keepingCapacity: true)
            do {
                let records = try await append(batch)
                for (waiter, record) in zip(batch, records) {
                    waiter.continuation.resume(returning: record.entry(of: waiter.event, at: waiter.recordedAt))
                }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
        isWriting = false
    }

    private func append(_ batch: [Waiter]) async throws -> [AuditRecord] {
        var link: AuditRecord.Link
        do {
            link = try await currentHead()
        } catch {
            throw cannotAppend(batch.count, error)
        }
        let stamps = batch.map { GovernanceClock.text($0.recordedAt) }
        for _ in 0..<Self.maximumAttempts {
            var records: [AuditRecord] = []
            records.reserveCapacity(batch.count)
            for (waiter, stamp) in zip(batch, stamps) {
                records.append(AuditRecord(waiter.event, recordedAt: stamp, after: records.last?.link ?? link))
            }
            do {
                try await database.transaction(AuditRecord.inserts(records))
                head = records.last?.link
                return records
            } catch {
                // Another writer took these sequences: chain after its entries. Otherwise the failure is real.
                let latest: AuditRecord.Link
                do {
                    latest = try await Self.lastLink(database)
                } catch {
                    throw cannotAppend(batch.count, error)
                }
                guard latest != link else { throw cannotAppend(batch.count, error) }
                link = latest
                head = latest
            }
        }
        throw AuditError("cannot append \(batch.count) audit event(s) to optima_audit in \(database.location): other writers took the next sequence \(Self.maximumAttempts) times in a row")
    }

    private func currentHead() async throws -> AuditRecord.Link {
        if let head { return head }
        let link = try await Self.lastLink(database)
        head = link
        return link
    }

    private func cannotAppend(_ count: Int, _ error: any Error) -> AuditError {
        AuditError("cannot append \(count) audit event(s) to optima_audit in \(database.location): \(error)")
    }

    /// The last entry in the table, or the genesis link when it is empty.
    static func lastLink(_ database: any Database) async throws -> AuditRecord.Link {
        let rows = try await database.query("SELECT seq, hash FROM optima_audit ORDER BY seq DESC LIMIT 1")
        guard let row = rows.first, let sequence = row["seq"].integerValue, let hash = row["hash"].textValue else {
            return .genesis
        }
        return AuditRecord.Link(sequence: sequence, hash: hash)
    }
}
