import Cohorts
import Foundation
import Governance

/// What GET /api/cohorts/{id} answers: the definition as stored, and its last generation with every
/// count governed by the site's minimum cell count: the attrition as a chain (a step close below the one
/// before would give the difference away) and each rule's satisfied count with its complement in the base.
struct CohortReport {
    let definition: StoredCohortDefinition
    let generation: CohortGeneration?
    let minimum: Int

    private struct Counts: Encodable {
        let persons: SmallCellCount
        let rows: SmallCellCount
        let byEvent: AttritionCounts
        let byPerson: AttritionCounts
    }

    private struct AttritionCounts: Encodable {
        struct Rule: Encodable {
            let name: String
            let satisfied: SmallCellCount
            let gain: SmallCellCount
            let remaining: SmallCellCount
        }
        let base: SmallCellCount
        let rules: [Rule]
        let final: SmallCellCount

        init(_ attrition: Attrition, minimum: Int) {
            let chain = CellSuppression.chain([attrition.base] + attrition.rules.map(\.remaining) + [attrition.final], minimum: minimum)
            base = chain[0]
            rules = attrition.rules.enumerated().map { index, rule in
                Rule(name: rule.name,
                     satisfied: CellSuppression.group([rule.satisfied, attrition.base - rule.satisfied], minimum: minimum)[0],
                     gain: SmallCellCount(rule.gain, minimum: minimum), remaining: chain[index + 1])
            }
            final = chain[chain.count - 1]
        }
    }

    func jsonData() throws -> Data {
        var document: [String: Any] = ["id": definition.id, "name": definition.name,
                                       "expression": try JSONSerialization.jsonObject(with: definition.json)]
        if let description = definition.description { document["description"] = description }
        if let generation {
            let counts = Counts(persons: SmallCellCount(generation.persons, minimum: minimum), rows: SmallCellCount(generation.rows, minimum: minimum),
                                byEvent: AttritionCounts(generation.byEvent, minimum: minimum),
                                byPerson: AttritionCounts(generation.byPerson, minimum: minimum))
            document["generation"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(counts))
        } else {
            document["generation"] = NSNull()
        }
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }
}
