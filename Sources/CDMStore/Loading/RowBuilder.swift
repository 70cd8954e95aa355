import OMOP

/// Builds one row of a table from Swift values, checking each against its field's CDM type.
/// A wrong value is remembered, not thrown, and reported by `GeneratedRows` with the row number.
public struct RowBuilder {
    public let table: CDMTable
    var row: ParsedRow
    private let plans: [ColumnPlan]
    private let indexByName: [String: Int]
    private var failure: ParsedRow.Failure?

    init(table: CDMTable) {
        self.table = table
        row = ParsedRow(columnCount: table.fields.count)
        plans = table.fields.map { ColumnPlan(field: $0, source: .null) }
        indexByName = Dictionary(uniqueKeysWithValues: table.fields.enumerated().map { ($1.name, $0) })
    }

    /// The position of a field, for `set(_:_:)` in hot loops; nil when the table has no such field.
    public func column(_ name: String) -> Int? {
        indexByName[name.lowercased()]
    }

    /// Sets a field by name.
    public mutating func set(_ name: String, _ value: SQLValue) {
        guard let index = column(name) else {
            record(0, "\(table.name) has no field \(name)")
            return
        }
        set(index, value)
    }

    /// Sets the field at a position (see `column(_:)`).
    public mutating func set(_ index: Int, _ value: SQLValue) {
        let plan = plans[index]
        switch (value, plan.kind) {
        case (.null, _):
            row.kinds[index] = .null
        case (.integer(let integer), .integer):
            guard integer >= Int64(Int32.min), integer <= Int64(Int32.max) else {
                return record(index, "integer out of range (CDM integers are 32-bit)")
            }
            row.kinds[index] = .integer
            row.integers[index] = integer
        case (.integer(let integer), .float):
            setFloat(index, Double(integer))
        case (.double(let double), .float):
            guard double.isFinite else { return record(index, "not a finite number") }
            setFloat(index, double)
        case (.text(let text), .text):
            let start = row.bytes.count
            row.bytes.append(contentsOf: text.utf8)
            if text.utf8.contains(0) { return record(index, "contains a NUL character") }
            let characters = text.unicodeScalars.count
            if characters > plan.limit {
                return record(index, "text of \(characters) characters is longer than varchar(\(plan.limit))")
            }
            row.kinds[index] = .text
            row.ranges[index] = start..<row.bytes.count
        case (.date(let date), .date):
            row.kinds[index] = .date
            row.integers[index] = Int64(date.daysSinceEpoch)
        case (.date(let date), .datetime):
            row.kinds[index] = .datetime
            row.integers[index] = Int64(CDMDateTime(date: date).secondsSinceEpoch)
        case (.datetime(let datetime), .datetime):
            row.kinds[index] = .datetime
            row.integers[index] = Int64(datetime.secondsSinceEpoch)
        default:
            record(index, "a value of type \(value.kindName) does not fit a \(table.fields[index].datatype) field")
        }
    }

    /// Floats keep their text too: the PostgreSQL writer sends a float's bytes as they are.
    private mutating func setFloat(_ index: Int, _ value: Double) {
        let start = row.bytes.count
        row.bytes.append(contentsOf: value.description.utf8)
        row.kinds[index] = .float
        row.floats[index] = value
        row.ranges[index] = start..<row.bytes.count
    }

    private mutating func record(_ column: Int, _ reason: String) {
        if failure == nil { failure = ParsedRow.Failure(column: column, reason: reason) }
    }

    /// Clears every field to NULL for the next row.
    mutating func reset() {
        for index in 0..<row.count { row.kinds[index] = .null }
        row.bytes.removeAll(keepingCapacity: true)
        failure = nil
    }

    /// The first wrong value set, or the first required field left NULL.
    func firstFailure() -> ParsedRow.Failure? {
        if let failure { return failure }
        for (index, plan) in plans.enumerated() where plan.isRequired && row.kinds[index] == .null {
            return ParsedRow.Failure(column: index, reason: "required field is empty")
        }
        return nil
    }
}
