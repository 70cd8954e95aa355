import OMOP

/// A stream of validated rows for one CDM table: a table file, or rows made in code
/// (`GeneratedRows`). Both backends load any source the same way.
public protocol RowSource: AnyObject {
    var table: CDMTable { get }
    /// Names the source in errors: a file name, or a label such as `generated person rows`.
    var name: String { get }
    /// Where the current row comes from: its line in a file, or its number.
    var line: Int { get }
    /// Reads and validates the next row; false at the end.
    func next() throws -> Bool
    /// Hands the current row to `slot`, taking the slot's storage for the next row in exchange.
    func moveRow(into slot: inout ParsedRow)
}
