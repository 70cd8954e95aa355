import CDMStore
import OMOP

struct VisitRows: RowEmitter {
    static let tableName = "visit_occurrence"
    let id, person, concept, start, end, type, source: Int
    let codes: [Int64: String]

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("visit_occurrence_id")
        person = table.position("person_id")
        concept = table.position("visit_concept_id")
        start = table.position("visit_start_date")
        end = table.position("visit_end_date")
        type = table.position("visit_type_concept_id")
        source = table.position("visit_source_value")
        self.codes = codes
    }

    func count(in history: PersonHistory) -> Int { history.visits.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let visit = history.visits[position]
        row.set(id, .integer(ids.visit(position)!))
        row.set(person, .integer(ids.person(history)))
        row.set(concept, .integer(visit.concept))
        row.set(start, .date(visit.start))
        row.set(end, .date(visit.end))
        row.set(type, .integer(ConceptID.TypeConcept.ehr))
        row.set(source, codes[visit.concept].map(SQLValue.text) ?? .null)
    }
}
