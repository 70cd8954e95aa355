import Governance

/// One cohort's Table 1 pieces before disclosure: persons per binary covariate and n, Σx, Σx² per continuous one.
struct CohortProfile {
    struct Key: Hashable {
        let domain: String
        let covariate: String
        let conceptID: Int64?
    }

    struct Moments {
        var count = 0
        var sum = 0.0
        var sumOfSquares = 0.0

        mutating func add(_ x: Double) {
            count += 1
            sum += x
            sumOfSquares += x * x
        }
    }

    var total = 0
    var binary: [Key: Int] = [:]
    var continuous: [Key: Moments] = [:]
    /// The levels of each categorical demographic feature (age group, sex, index year): they add up to `total`.
    var categories: [String: Set<Key>] = [:]

    /// Persons per level of each demographic feature, governed as one group per feature with the persons not
    /// recorded as a last cell; `categories` lists every level to govern (those of both sides of a Table 1).
    func governed(_ categories: [String: Set<Key>], minimum: Int) -> [Key: SmallCellCount] {
        var result: [Key: SmallCellCount] = [:]
        for keys in categories.values {
            let levels = keys.sorted { $0.covariate < $1.covariate }
            let counts = levels.map { binary[$0] ?? 0 }
            let rest = total - counts.reduce(0, +)
            for (key, cell) in zip(levels, CellSuppression.group(counts + (rest > 0 ? [rest] : []), minimum: minimum)) { result[key] = cell }
        }
        return result
    }
}
