import Cohorts
import Foundation
import Governance

/// What GET /api/cohorts/{id} answers: the definition as stored, and its last generation with every
/// count passed through small-cell suppression (`SmallCellCount`).
struct CohortReport {
    let definition: StoredCohortDefinition
    let generation: CohortGeneration?

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

        init(_ attrition: Attrition) {
            base = SmallCellCount(attrition.base)
            rules = attrition.rules.map { Rule(name: $0.name, satisfied: SmallCellCount($0.satisfied),
                                               gain: SmallCellCount($0.gain), remaining: SmallCellCount($0.remaining)) }
            final = SmallCellCount(attrition.final)
        }
    }

    func jsonData() throws -> Data {
        var document: [String: Any] = ["id": definition.id, "name": definition.name,
                                       "expression": try JSONSerialization.jsonObject(with: definition.json)]
        if let description = definition.description { document["description"] = description }
        if let generation {
            let counts = Counts(persons: SmallCellCount(generation.persons), rows: SmallCellCount(generation.rows),
                                byEvent: AttritionCounts(generation.byEvent), byPerson: AttritionCounts(generation.byPerson))
            document["generation"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(counts))
        } else {
            document["generation"] = NSNull()
        }
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }
}
