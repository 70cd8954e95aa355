import OMOP

/// A change made to every row of a table between reading and writing, e.g. pseudonymising identifiers:
/// given a table, the function for its rows (nil to leave them as they are); that function edits a row in
/// place and returns false to leave the row out. It runs on the load's reading thread, one row at a time.
public typealias RowTransform = @Sendable (CDMTable) -> ((inout ParsedRow) -> Bool)?

/// A row source whose rows pass through a transform; rows it leaves out are never written nor counted.
final class TransformedRows: RowSource {
    private let source: any RowSource
    private let transform: (inout ParsedRow) -> Bool
    /// Swapped with the source's row on every read, so it must be as wide as the table.
    private var row: ParsedRow

    init(_ source: any RowSource, transform: @escaping (inout ParsedRow) -> Bool) {
        self.source = source
        self.transform = transform
        row = ParsedRow(columnCount: source.table.fields.count)
    }

    var table: CDMTable { source.table }
    var name: String { source.name }
    var line: Int { source.line }

    func next() throws -> Bool {
        while try source.next() {
            source.moveRow(into: &row)
            if transform(&row) { return true }
        }
        return false
    }

    func moveRow(into slot: inout ParsedRow) {
        swap(&row, &slot)
    }
}
