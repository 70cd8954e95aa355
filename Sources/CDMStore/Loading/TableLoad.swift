import OMOP

/// One table's rows for `Database.load`: the table, and how to open its rows. A source is
/// opened only when the load reaches it, so one file is open at a time.
public struct TableLoad: Sendable {
    public let table: CDMTable
    let open: @Sendable () throws -> any RowSource

    public init(table: CDMTable, open: @escaping @Sendable () throws -> any RowSource) {
        self.table = table
        self.open = open
    }

    /// The rows of a table file, through `transform` when it has a function for the table.
    public static func file(_ file: TableFile, ignoreExtraColumns: Bool, transform: RowTransform? = nil) -> TableLoad {
        TableLoad(table: file.table) {
            let reader = try TableFileReader(path: file.path, table: file.table, ignoreExtraColumns: ignoreExtraColumns)
            guard let rows = transform?(file.table) else { return reader }
            return TransformedRows(reader, transform: rows)
        }
    }
}
