/// One released number or block of numbers. A node reply is made of these and nothing else: there is no case
/// that could carry a patient's row, and `DisclosureGate` checks every count before a reply leaves the node.
public enum Aggregate: Sendable, Equatable {
    /// A count: 0 or at least the minimum cell count; nil when suppressed.
    case count(Int?)
    /// A histogram or a table's cells, each 0 or at least the minimum; nil cells are suppressed.
    case counts([Int?])
    /// Sums over subjects (sums, sums of squares, person-time, a log-likelihood, a score vector).
    case vector([Double])
    /// A symmetric matrix over subjects (an information matrix), row-major.
    case matrix(rows: Int, values: [Double])
    /// Category names (factor levels), each held by at least the minimum number of subjects.
    case labels([String])
    /// A whole reply masked for secure aggregation: values in Z_2^64, meaningless alone; `layout` says how the
    /// unmasked sum splits back into named aggregates.
    case masked(values: [UInt64], layout: [MaskedLayout])
}

/// How many numbers of a masked vector belong to one named aggregate, and what kind it was.
public struct MaskedLayout: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case count, counts, vector, matrix }
    public let name: String
    public let kind: Kind
    public let length: Int
    /// For a matrix, its rows.
    public let rows: Int?

    public init(name: String, kind: Kind, length: Int, rows: Int? = nil) {
        self.name = name
        self.kind = kind
        self.length = length
        self.rows = rows
    }
}
