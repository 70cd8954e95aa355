import CDMStore
import OMOP

struct ProcedureRows: RowEmitter {
    static let tableName = "procedure_occurrence"
    let id, person, concept, date, type, visit, source: Int
    let codes: [Int64: String]

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("procedure_occurrence_id")
        person = table.position("person_id")
        concept = table.position("procedure_concept_id")
        date = table.position("procedure_date")
        type = table.position("procedure_type_concept_id")
        visit = table.position("visit_occurrence_id")
        source = table.position("procedure_source_value")
        self.codes = codes
    }

    func count(in history: PersonHistory) -> Int { history.procedures.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let procedure = history.procedures[position]
        row.set(id, .integer(ids.procedure(position)))
        row.set(person, .integer(ids.person(history)))
        row.set(concept, .integer(procedure.concept))
        row.set(date, .date(procedure.date))
        row.set(type, .integer(ConceptID.TypeConcept.ehr))
        row.set(visit, ids.visit(procedure.visit).sqlValue)
        row.set(source, codes[procedure.concept].map(SQLValue.text) ?? .null)
    }
}
