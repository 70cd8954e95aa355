import Foundation

/// Reads and validates rows on a second thread while the caller writes rows, so that
/// parsing and the database's work overlap on a two-core machine.
///
/// Rows travel in a few fixed batches that circulate between the two threads; a row's storage is
/// swapped, never copied, so nothing is allocated per row. An error of the reader reaches the
/// caller after the rows before it, exactly where a single-threaded read would have thrown.
final class RowPipeline: @unchecked Sendable {
    /// A batch of rows; handed from one thread to the other under `lock`, never shared.
    private final class Batch {
        var rows: [ParsedRow]
        var lines: [Int]
        var count = 0
        var isLast = false
        var error: (any Error)?

        init(size: Int, columns: Int) {
            rows = (0..<size).map { _ in ParsedRow(columnCount: columns) }
            lines = Array(repeating: 0, count: size)
        }
    }

    /// The source's name, for errors.
    let name: String
    /// Rows handed to the caller so far.
    private(set) var rowCount = 0

    /// Touched only by the reading thread once it has started.
    private let reader: any RowSource
    private let lock = NSCondition()
    private var free: [Batch]
    private var full: [Batch] = []
    private var cancelled = false
    private var readerFinished = false
    private var current: Batch?
    private var index = 0

    init(reader: any RowSource, batchSize: Int = 512, depth: Int = 3) {
        self.reader = reader
        name = reader.name
        free = (0..<depth).map { _ in Batch(size: batchSize, columns: reader.table.fields.count) }
        let thread = Thread { [self] in produce() }
        thread.name = "optima.load.reader"
        thread.start()
    }

    /// The current row; valid until the next call of `next`.
    var row: ParsedRow { current!.rows[index] }

    /// The line of the file on which the current row starts.
    var line: Int { current!.lines[index] }

    /// Moves to the next row; false at the end of the file; throws the reader's error in order.
    func next() throws -> Bool {
        if let batch = current {
            if index + 1 < batch.count {
                index += 1
                rowCount += 1
                return true
            }
            if let error = batch.error { throw error }
            if batch.isLast { return false }
            recycle(batch)
        }
        let batch = takeFull()
        current = batch
        index = 0
        if batch.count > 0 {
            rowCount += 1
            return true
        }
        if let error = batch.error { throw error }
        return false
    }

    /// Stops the reading thread. Call it when done (`defer`): the thread holds the pipeline
    /// until it has read to the end or is cancelled.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.broadcast()
        lock.unlock()
    }

    /// Whether the reading thread has returned (tests check that cancelling ends it).
    var isReaderFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return readerFinished
    }

    private func produce() {
        defer {
            lock.lock()
            readerFinished = true
            lock.unlock()
        }
        while let batch = takeFree() {
            batch.count = 0
            do {
                while batch.count < batch.rows.count, try reader.next() {
                    reader.moveRow(into: &batch.rows[batch.count])
                    batch.lines[batch.count] = reader.line
                    batch.count += 1
                }
                batch.isLast = batch.count < batch.rows.count
            } catch {
                batch.error = error
                batch.isLast = true
            }
            let done = batch.isLast
            lock.lock()
            full.append(batch)
            lock.broadcast()
            lock.unlock()
            if done { return }
        }
    }

    private func takeFree() -> Batch? {
        lock.lock()
        defer { lock.unlock() }
        while free.isEmpty && !cancelled { lock.wait() }
        return cancelled ? nil : free.removeFirst()
    }

    private func takeFull() -> Batch {
        lock.lock()
        defer { lock.unlock() }
        while full.isEmpty { lock.wait() }
        return full.removeFirst()
    }

    private func recycle(_ batch: Batch) {
        lock.lock()
        free.append(batch)
        lock.broadcast()
        lock.unlock()
    }
}
