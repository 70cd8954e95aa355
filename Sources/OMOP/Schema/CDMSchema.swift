/// A version of the OMOP Common Data Model as data: its tables and their fields, in DDL order.
///
/// The store creates and verifies databases from this description, and the loaders map file
/// columns onto it, so there is exactly one place that says what the CDM looks like.
public struct CDMSchema: Sendable {
    /// The CDM version, e.g. "5.4".
    public let version: String
    /// The tables of the official specification, in DDL order.
    public let tables: [CDMTable]

    private let tablesByName: [String: CDMTable]

    public init(version: String, tables: [CDMTable]) {
        self.version = version
        self.tables = tables
        self.tablesByName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
    }

    /// The table with this name, matched case-insensitively (`PERSON` finds `person`).
    public func table(named name: String) -> CDMTable? {
        tablesByName[name.lowercased()]
    }
}
