/// The contents of `npi.json`: the formula's constants and the four bands with their 5-year survival.
struct NPIRules: Sendable, Decodable {
    struct NodeScore: Sendable, Decodable {
        /// The score applies up to this many positive nodes; nil for the last, open-ended row.
        let maxNodes: Int?
        let score: Int
    }

    struct Band: Sendable, Decodable {
        let band: NPIBand
        /// The band ends at this index, inclusive; nil for the last, open-ended band.
        let upperInclusive: Double?
        let fiveYearSurvivalPercent: Double
    }

    let source: RuleSource
    let date: String
    let sizeCoefficientPerCM: Double
    let nodeScores: [NodeScore]
    let grades: [Int]
    let bands: [Band]

    /// Loads the bundled file and checks that its last node score and last band are open-ended, so that every
    /// count and every index has one.
    init() throws {
        self = try RuleFile.decode(NPIRules.self, from: "npi.json")
        guard let lastScore = nodeScores.last, lastScore.maxNodes == nil, let lastBand = bands.last, lastBand.upperInclusive == nil else {
            throw RuleFileError(file: "npi.json", reason: "the last node score and the last band must have no upper limit")
        }
    }

    /// The node score of a count of positive nodes (0 or more).
    func nodeScore(positiveNodes: Int) -> Int {
        nodeScores.first { $0.maxNodes.map { positiveNodes <= $0 } ?? true }?.score ?? nodeScores[nodeScores.count - 1].score
    }

    /// The band of an index. The bounds are inclusive (3.4 is good) and compared with a margin of 1e-9, far below
    /// the index's precision, so that an index equal to a bound in decimals but a rounding error above it in
    /// binary stays in the lower band.
    func band(of npi: Double) -> Band {
        bands.first { $0.upperInclusive.map { npi <= $0 + 1e-9 } ?? true } ?? bands[bands.count - 1]
    }
}
