import Governance
import Statistics

/// One line of a Table 1: a covariate, its summary in the target (and comparator), and the standardized mean
/// difference between them. Binary covariates give persons and proportion; continuous ones (age, measurement
/// values) persons with a value, mean and SD. A summary of fewer persons than the minimum count shows only
/// "<N"; the SMD is shown only when both sides are.
public struct CharacterizationRow: Sendable, Encodable {
    public struct Summary: Sendable, Encodable {
        public let persons: SmallCellCount
        public let proportion: Double?
        public let mean: Double?
        public let sd: Double?

        static func binary(_ persons: Int, of total: Int, minimum: Int) -> Summary {
            binary(SmallCellCount(persons, minimum: minimum), of: total)
        }

        /// A count governed already (a demographic level, with the other levels of its feature).
        static func binary(_ persons: SmallCellCount, of total: Int) -> Summary {
            Summary(persons: persons, proportion: persons.value.flatMap { total > 0 ? Double($0) / Double(total) : nil }, mean: nil, sd: nil)
        }

        /// From n, Σx and Σx², the pieces a federated Table 1 would add across sites.
        static func continuous(count: Int, sum: Double, sumOfSquares: Double, minimum: Int) -> Summary {
            guard count >= minimum, count > 0 else { return Summary(persons: SmallCellCount(count, minimum: minimum), proportion: nil, mean: nil, sd: nil) }
            let mean = sum / Double(count)
            let variance = count > 1 ? max(0, (sumOfSquares - Double(count) * mean * mean) / Double(count - 1)) : 0
            return Summary(persons: SmallCellCount(count, minimum: minimum), proportion: nil, mean: mean, sd: variance.squareRoot())
        }
    }

    public let domain: String
    public let covariate: String
    public let conceptID: Int64?
    public let target: Summary
    public let comparator: Summary?
    public let smd: Double?

    enum CodingKeys: String, CodingKey {
        case domain, covariate, target, comparator, smd
        case conceptID = "concept_id"
    }

    init(domain: String, covariate: String, conceptID: Int64?, target: Summary, comparator: Summary?) {
        self.domain = domain
        self.covariate = covariate
        self.conceptID = conceptID
        self.target = target
        self.comparator = comparator
        if let comparator, let p1 = target.proportion, let p2 = comparator.proportion {
            smd = StandardizedMeanDifference.proportions(p1, p2)
        } else if let comparator, let m1 = target.mean, let s1 = target.sd, let m2 = comparator.mean, let s2 = comparator.sd {
            smd = StandardizedMeanDifference.means(m1, sd1: s1, m2, sd2: s2)
        } else {
            smd = nil
        }
    }
}
