import OMOP

/// Rows made in code (a generator, a mapping) for `Database.load`, checked exactly as file rows
/// are, so the same all-or-nothing load and the same `name:row: field: why` errors apply.
public final class GeneratedRows: RowSource {
    public let table: CDMTable
    public let name: String
    /// The number of the current row, from 1.
    public private(set) var line = 0

    private var builder: RowBuilder
    private let produce: (inout RowBuilder) throws -> Bool

    /// - Parameter produce: fills the builder with the next row and returns true, or returns false at the end.
    public init(table: CDMTable, name: String? = nil, produce: @escaping (inout RowBuilder) throws -> Bool) {
        self.table = table
        self.name = name ?? "generated \(table.name) rows"
        self.produce = produce
        builder = RowBuilder(table: table)
    }

    public func next() throws -> Bool {
        builder.reset()
        guard try produce(&builder) else { return false }
        line += 1
        if let failure = builder.firstFailure() {
            throw ImportError(file: name, line: line, field: table.fields[failure.column].name, reason: failure.reason)
        }
        return true
    }

    public func moveRow(into slot: inout ParsedRow) {
        swap(&builder.row, &slot)
    }
}
