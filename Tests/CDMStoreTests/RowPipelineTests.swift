import CDMTestSupport
import Foundation
import OMOP
import Testing

@testable import CDMStore

/// Reading on a second thread must hand over the same rows, lines and errors as reading in place.
@Suite struct RowPipelineTests {
    static let table = CDMSchema.v54.table(named: "location")!

    func file(rows: Int, badAt: Int? = nil) throws -> String {
        var text = "location_id,city,zip\n"
        for id in 1...rows {
            text += id == badAt ? "x\(id),Gent,9000\n" : "\(id),\"city \(id)\",\(1000 + id)\n"
        }
        let path = try TestDatabases.temporaryDirectory() + "/LOCATION.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func direct(_ path: String) -> (rows: [[SQLValue]], lines: [Int], error: String?) {
        var rows: [[SQLValue]] = [], lines: [Int] = []
        do {
            let reader = try TableFileReader(path: path, table: Self.table, ignoreExtraColumns: false)
            while try reader.next() {
                rows.append((0..<reader.row.count).map(reader.row.value(at:)))
                lines.append(reader.line)
            }
            return (rows, lines, nil)
        } catch {
            return (rows, lines, "\(error)")
        }
    }

    func pipelined(_ path: String, batchSize: Int) throws -> (rows: [[SQLValue]], lines: [Int], error: String?) {
        let pipeline = RowPipeline(
            reader: try TableFileReader(path: path, table: Self.table, ignoreExtraColumns: false), batchSize: batchSize, depth: 2)
        defer { pipeline.cancel() }
        var rows: [[SQLValue]] = [], lines: [Int] = []
        do {
            while try pipeline.next() {
                rows.append((0..<pipeline.row.count).map(pipeline.row.value(at:)))
                lines.append(pipeline.line)
            }
            #expect(pipeline.rowCount == rows.count)
            return (rows, lines, nil)
        } catch {
            return (rows, lines, "\(error)")
        }
    }

    @Test(arguments: [1, 2, 3, 512])
    func sameRowsAndLines(_ batchSize: Int) throws {
        let path = try file(rows: 1_000)
        let expected = direct(path)
        let actual = try pipelined(path, batchSize: batchSize)
        #expect(actual.rows == expected.rows)
        #expect(actual.lines == expected.lines)
        #expect(actual.error == nil && expected.rows.count == 1_000)
    }

    @Test(arguments: [1, 3, 512])
    func anErrorArrivesAfterTheRowsBeforeIt(_ batchSize: Int) throws {
        let path = try file(rows: 700, badAt: 613)
        let expected = direct(path)
        let actual = try pipelined(path, batchSize: batchSize)
        #expect(expected.error == "LOCATION.csv:614: location_id: not an integer")
        #expect(actual.error == expected.error)
        #expect(actual.rows == expected.rows)
    }

    @Test func aCallerThatStopsEarlyEndsTheThread() throws {
        let pipeline = RowPipeline(
            reader: try TableFileReader(path: try file(rows: 5_000), table: Self.table, ignoreExtraColumns: false),
            batchSize: 8, depth: 2)
        #expect(try pipeline.next())
        pipeline.cancel()  // the reading thread, blocked on a full queue, must return
        let deadline = Date().addingTimeInterval(5)
        while !pipeline.isReaderFinished && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(pipeline.isReaderFinished)
    }
}
