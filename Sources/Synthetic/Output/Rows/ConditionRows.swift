import CDMStore
import OMOP

struct ConditionRows: RowEmitter {
    static let tableName = "condition_occurrence"
    let id, person, concept, start, type, visit, source, sourceConcept: Int
    let codes: [Int64: String]

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("condition_occurrence_id")
        person = table.position("person_id")
        concept = table.position("condition_concept_id")
        start = table.position("condition_start_date")
        type = table.position("condition_type_concept_id")
        visit = table.position("visit_occurrence_id")
        source = table.position("condition_source_value")
        sourceConcept = table.position("condition_source_concept_id")
        self.codes = codes
    }

    func count(in history: PersonHistory) -> Int { history.conditions.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let condition = history.conditions[position]
        row.set(id, .integer(ids.condition(position)))
        row.set(person, .integer(ids.person(history)))
        row.set(concept, .integer(condition.concept))
        row.set(start, .date(condition.date))
        row.set(type, .integer(condition.type))
        row.set(visit, ids.visit(condition.visit).sqlValue)
        let code = condition.sourceValue.isEmpty ? codes[condition.concept] : condition.sourceValue
        row.set(source, code.map(SQLValue.text) ?? .null)
        row.set(sourceConcept, .integer(condition.sourceConcept))
    }
}
