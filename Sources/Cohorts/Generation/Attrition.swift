/// The inclusion report of one mode: the qualified count, then how many remain after each rule in turn,
/// and per rule how many satisfy it and how many more would be included without it.
public struct Attrition: Sendable, Equatable, Codable {
    public struct Rule: Sendable, Equatable, Codable {
        public let name: String
        /// Satisfy this rule (whatever the others).
        public let satisfied: Int
        /// Fail only this rule: gained if it were dropped.
        public let gain: Int
        /// Satisfy this rule and every rule before it: the attrition step.
        public let remaining: Int
    }

    /// Qualified events (or persons) before the inclusion rules.
    public let base: Int
    public let rules: [Rule]
    /// Satisfying every rule.
    public let final: Int

    /// Builds the report from the counts per rule mask (bit i = rule i), as in `cohort_inclusion_result`.
    public init(base: Int, final: Int, ruleNames: [String], countsByMask: [Int64: Int]) {
        self.base = base
        self.final = final
        let full = (Int64(1) << Int64(ruleNames.count)) - 1
        rules = ruleNames.enumerated().map { index, name in
            let bit = Int64(1) << Int64(index)
            let prefix = (bit << 1) - 1
            func total(_ matches: (Int64) -> Bool) -> Int { countsByMask.filter { matches($0.key) }.map(\.value).reduce(0, +) }
            return Rule(name: name, satisfied: total { $0 & bit != 0 }, gain: total { $0 == full - bit },
                        remaining: total { $0 & prefix == prefix })
        }
    }
}
