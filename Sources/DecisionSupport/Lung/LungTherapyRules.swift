/// The §4.2 table of `lung-therapy.json` as data: guidelines with versions, rows in rule order (drivers first,
/// then PD-L1 bands), and the drug → class table the order check reads.
struct LungTherapyRules: Decodable, Sendable {
    let source: LungRuleSource
    let guidelines: [LungRuleSource]
    let rows: [LungTherapyRule]
    let drugClasses: [String: DrugClass]

    struct DrugClass: Decodable, Sendable {
        let label: String
        /// Ingredient names, lower case.
        let drugs: [String]
        /// Brand name → ingredient, lower case.
        let brands: [String: String]
    }

    static let fileName = "lung-therapy.json"

    /// Loads and cross-checks the file: every cited guideline and avoided class exists, every gene row names a
    /// gene result the facts can carry.
    static func load() throws -> LungTherapyRules {
        let rules = try RuleFile.decode(LungTherapyRules.self, from: fileName)
        let ids = Set(rules.guidelines.compactMap(\.id))
        for row in rules.rows {
            if let missing = row.references.first(where: { !ids.contains($0) }) {
                throw RuleFileError(file: fileName, reason: "row \(row.id) cites unknown guideline \(missing)")
            }
            if let missing = row.avoid.compactMap(\.drugClass).first(where: { rules.drugClasses[$0] == nil }) {
                throw RuleFileError(file: fileName, reason: "row \(row.id) avoids unknown class \(missing)")
            }
            if let gene = row.condition.gene, let bad = row.condition.results?.first(where: { !gene.acceptedResults.contains($0) }) {
                throw RuleFileError(file: fileName, reason: "row \(row.id): \(bad) is not a result of \(gene.rawValue)")
            }
        }
        return rules
    }

    /// The guideline sources a row cites, in its order.
    func sources(of row: LungTherapyRule) -> [RuleSource] {
        row.references.compactMap { id in guidelines.first { $0.id == id }?.ruleSource }
    }

    /// The class key of an ingredient (`pembrolizumab` → `immunotherapy`).
    func drugClass(of drug: String) -> String? {
        drugClasses.first { $0.value.drugs.contains(drug) }?.key
    }
}

/// One row of the therapy table.
struct LungTherapyRule: Decodable, Sendable {
    enum FirstLine: String, Decodable, Sendable {
        /// A targeted drug is the first line.
        case targeted
        /// A driver whose targeted drug comes later: first line as for no driver, by PD-L1.
        case asNoDriver = "as-no-driver"
        /// A PD-L1 band for tumours without an actionable driver.
        case noDriver = "no-driver"
    }

    /// A gene result, or a PD-L1 TPS band `[pdl1AtLeast, pdl1Below)`.
    struct Condition: Decodable, Sendable {
        let gene: LungGene?
        let results: [String]?
        let pdl1AtLeast: Double?
        let pdl1Below: Double?

        func matches(pdl1 tps: Double) -> Bool {
            gene == nil && (pdl1AtLeast.map { tps >= $0 } ?? true) && (pdl1Below.map { tps < $0 } ?? true)
        }
    }

    struct Option: Decodable, Sendable {
        let regimen: String
        let drugs: [String]
        /// `squamous` or `non-squamous` when the regimen is for one of them only.
        let histology: String?
    }

    /// A drug class or a single drug to avoid in this row, and why.
    struct Avoid: Decodable, Sendable {
        let drugClass: String?
        let drug: String?
        let reason: String

        enum CodingKeys: String, CodingKey {
            case drugClass = "class", drug, reason
        }
    }

    let id: String
    let label: String
    let condition: Condition
    let firstLine: FirstLine
    let preferred: [Option]
    let alternatives: [Option]
    let avoid: [Avoid]
    let notes: [String]
    let references: [String]
}
