import Foundation
import OMOP

/// Reads one OMOP table file row by row into a validated `ParsedRow`.
///
/// Every value is checked against its field's CDM type here, before any database sees it, so a
/// malformed row stops the import with `file:line: field: why` on either backend.
public final class TableFileReader: RowSource {
    public let table: CDMTable
    public let fileName: String
    public private(set) var row = ParsedRow()
    /// Warnings about the file's columns (v5.3 renames, filled or ignored columns).
    public let warnings: [String]
    public var name: String { fileName }
    /// The line on which the current row starts.
    public var line: Int { reader.line }
    /// Data rows read so far.
    public private(set) var rowCount = 0

    private let reader: CSVReader
    private let plans: [ColumnPlan]
    private let headerCount: Int

    public init(path: String, table: CDMTable, ignoreExtraColumns: Bool) throws {
        let fileName = (path as NSString).lastPathComponent
        self.fileName = fileName
        self.table = table
        let reader = try CSVReader(source: try ByteSource(path: path), fileName: fileName)
        guard try reader.next() else {
            throw ImportError(file: fileName, reason: "is empty: a header row with the column names is needed")
        }
        self.reader = reader
        let header = (0..<reader.fieldCount).map { reader.fieldString($0) }
        headerCount = header.count
        let mapping = try ColumnMapping(table: table, header: header, fileName: fileName, ignoreExtraColumns: ignoreExtraColumns)
        warnings = mapping.warnings
        plans = zip(table.fields, mapping.sources).map(ColumnPlan.init)
        row = ParsedRow(columnCount: table.fields.count)
    }

    /// Gives the current row to `slot`, taking the slot's storage for the next row in exchange.
    public func moveRow(into slot: inout ParsedRow) {
        swap(&row, &slot)
    }

    /// Reads and validates the next row into `row`; false at the end of the file.
    public func next() throws -> Bool {
        guard try reader.next() else { return false }
        rowCount += 1
        guard reader.fieldCount == headerCount else {
            throw ImportError(
                file: fileName, line: reader.line,
                reason: "row has \(reader.fieldCount) fields but the header has \(headerCount)")
        }
        // Work on the row and the record as locals; hand the record's bytes to the row and give
        // the reader the row's old buffer to fill next time.
        var row = ParsedRow()
        var record: [UInt8] = []
        swap(&row, &self.row)
        swap(&record, &reader.record)
        let failure = record.withUnsafeBufferPointer { bytes in
            reader.fieldEnds.withUnsafeBufferPointer { ends in
                row.fill(from: bytes, fieldEnds: ends, plans: plans, rowNumber: rowCount)
            }
        }
        swap(&row.bytes, &record)
        swap(&record, &reader.record)
        swap(&row, &self.row)
        if let failure {
            throw ImportError(file: fileName, line: reader.line, field: table.fields[failure.column].name, reason: failure.reason)
        }
        return true
    }
}
