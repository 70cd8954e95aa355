import Governance

/// A count summed over nodes as the result may show it: suppressed when the sum is below the study's minimum cell
/// count (`SmallCellCount`), and marked a lower bound when some node suppressed its own cell (the true total is
/// larger by an unknown small number).
public struct PooledCount: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The sum, or nil when suppressed.
    public var value: Int?
    public var minimum: Int
    /// A node withheld its small cell, so the total is at least `value`.
    public var isLowerBound: Bool

    public init(sum: Int, minimum: Int, nodeSuppressed: Bool = false) {
        value = SmallCellCount(sum, minimum: minimum).value
        self.minimum = minimum
        isLowerBound = nodeSuppressed && value != nil
    }

    /// A cell already governed (e.g. by `CellSuppression.chain`).
    public init(cell: SmallCellCount, nodeSuppressed: Bool = false) {
        value = cell.value
        minimum = cell.minimum
        isLowerBound = nodeSuppressed && value != nil
    }

    public var description: String {
        guard let value else { return "<\(minimum)" }
        return isLowerBound ? "≥\(value)" : "\(value)"
    }

    enum CodingKeys: String, CodingKey {
        case value, minimum
        case isLowerBound = "lower_bound"
    }
}
