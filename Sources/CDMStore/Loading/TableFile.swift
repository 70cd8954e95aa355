import OMOP

/// One file of an import and the CDM table it loads into.
public struct TableFile: Sendable, Hashable {
    public let path: String
    public let table: CDMTable

    public init(path: String, table: CDMTable) {
        self.path = path
        self.table = table
    }
}
