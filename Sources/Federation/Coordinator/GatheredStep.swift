import Statistics

/// A step's replies pooled over the nodes that answered: each numeric aggregate summed (plainly, or by unmasking),
/// with a mark on every cell some node suppressed; the plain replies themselves only without secure aggregation.
struct GatheredStep: Sendable {
    struct Sum: Sendable {
        var values: [Double]
        /// Per value: some node withheld its small cell (counted as 0 in `values`).
        var suppressed: [Bool]
    }

    /// The nodes whose replies are in the sums.
    var nodes: [String]
    var sums: [String: Sum]
    /// Each node's plain reply (empty under secure aggregation).
    var replies: [String: StepReply]
    var noise: [NoiseEntry]

    func values(_ name: String) -> [Double] { sums[name]?.values ?? [] }

    func count(_ name: String) -> Int { Int((values(name).first ?? 0).rounded()) }

    func counts(_ name: String) -> [Int] { values(name).map { Int($0.rounded()) } }

    /// The sum as the result may show it.
    func pooled(_ name: String, minimum: Int) -> PooledCount {
        PooledCount(sum: count(name), minimum: minimum, nodeSuppressed: sums[name]?.suppressed.first ?? false)
    }

    func pooledCells(_ name: String, minimum: Int) -> [PooledCount] {
        let sum = sums[name]
        return counts(name).enumerated().map { index, count in
            PooledCount(sum: count, minimum: minimum, nodeSuppressed: sum?.suppressed[index] ?? false)
        }
    }

    func matrix(_ name: String) -> Matrix {
        let values = values(name)
        let rows = Int(Double(values.count).squareRoot().rounded())
        var matrix = Matrix(rows: rows, columns: rows)
        matrix.values = values
        return matrix
    }

    /// Plain sums of the numeric aggregates of `replies`, by name.
    static func sum(_ replies: [StepReply], expected: [StepExpectation]) -> [String: Sum] {
        var sums: [String: Sum] = [:]
        for expectation in expected where expectation.kind != .labels {
            var total: Sum?
            for reply in replies {
                let (values, suppressed) = numbers(reply[expectation.name])
                if var running = total {
                    for i in values.indices where i < running.values.count {
                        running.values[i] += values[i]
                        running.suppressed[i] = running.suppressed[i] || suppressed[i]
                    }
                    total = running
                } else {
                    total = Sum(values: values, suppressed: suppressed)
                }
            }
            sums[expectation.name] = total ?? Sum(values: [], suppressed: [])
        }
        return sums
    }

    /// Unmasked aggregates as sums (nothing is suppressed in a masked sum).
    static func sums(of aggregates: [NamedAggregate]) -> [String: Sum] {
        Dictionary(aggregates.map { aggregate in
            let (values, suppressed) = numbers(aggregate.value)
            return (aggregate.name, Sum(values: values, suppressed: suppressed))
        }, uniquingKeysWith: { first, _ in first })
    }

    private static func numbers(_ aggregate: Aggregate?) -> ([Double], [Bool]) {
        switch aggregate {
        case .count(let value): ([Double(value ?? 0)], [value == nil])
        case .counts(let cells): (cells.map { Double($0 ?? 0) }, cells.map { $0 == nil })
        case .vector(let values): (values, values.map { _ in false })
        case .matrix(_, let values): (values, values.map { _ in false })
        default: ([], [])
        }
    }
}
