import Foundation
import OMOP

/// Reads one OMOP table file row by row into a validated `ParsedRow`.
///
/// Every value is checked against its field's CDM type here, before any database sees it, so a
/// malformed row stops the import with `file:line: field: why` on either backend.
public final class TableFileReader {
    public let table: CDMTable
    public let fileName: String
    public private(set) var row: ParsedRow
    /// Warnings about the file's columns (v5.3 renames, filled or ignored columns).
    public let warnings: [String]
    /// The line on which the current row starts.
    public var line: Int { reader.line }
    /// Data rows read so far.
    public private(set) var rowCount = 0

    private let reader: CSVReader
    private let mapping: ColumnMapping
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
        mapping = try ColumnMapping(table: table, header: header, fileName: fileName, ignoreExtraColumns: ignoreExtraColumns)
        warnings = mapping.warnings
        row = ParsedRow(columnCount: table.fields.count)
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
        // Hand the record's bytes to the row; the reader reuses the row's old buffer next time.
        swap(&row.bytes, &reader.record)
        for (index, field) in table.fields.enumerated() {
            switch mapping.sources[index] {
            case .null:
                row.kinds[index] = .null
            case .fill(.noMatchingConcept):
                row.kinds[index] = .integer
                row.integers[index] = 0
            case .fill(.rowNumber):
                row.kinds[index] = .integer
                row.integers[index] = Int64(rowCount)
            case .column(let column):
                try parse(reader.fieldRange(column), into: index, as: field)
            }
        }
        return true
    }

    private func fail(_ field: CDMField, _ reason: String) -> ImportError {
        ImportError(file: fileName, line: reader.line, field: field.name, reason: reason)
    }

    private func parse(_ range: Range<Int>, into index: Int, as field: CDMField) throws {
        row.ranges[index] = range
        if range.isEmpty {
            guard !field.isRequired else { throw fail(field, "required field is empty") }
            row.kinds[index] = .null
            return
        }
        try row.bytes.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[range])
            switch field.datatype {
            case .integer:
                guard let value = ValueParsing.integer(bytes) else { throw fail(field, "not an integer") }
                guard value >= Int64(Int32.min), value <= Int64(Int32.max) else {
                    throw fail(field, "integer out of range (CDM integers are 32-bit)")
                }
                row.kinds[index] = .integer
                row.integers[index] = value
            case .float:
                guard let value = ValueParsing.double(bytes) else { throw fail(field, "not a number") }
                row.kinds[index] = .float
                row.floats[index] = value
            case .date:
                guard let date = CDMDate(bytes: bytes) else {
                    throw fail(field, "not a date (expected YYYY-MM-DD or YYYYMMDD)")
                }
                row.kinds[index] = .date
                row.integers[index] = Int64(date.daysSinceEpoch)
            case .datetime:
                guard let datetime = CDMDateTime(bytes: bytes) else {
                    throw fail(field, "not a date-time (expected YYYY-MM-DD[ HH:MM:SS])")
                }
                row.kinds[index] = .datetime
                row.integers[index] = Int64(datetime.secondsSinceEpoch)
            case .varchar(let limit):
                guard let characters = ValueParsing.characterCount(bytes) else {
                    throw fail(field, "not valid UTF-8 text, or contains a NUL character")
                }
                if let limit, characters > limit {
                    throw fail(field, "text of \(characters) characters is longer than varchar(\(limit))")
                }
                row.kinds[index] = .text
            }
        }
    }
}
