import CDMStore
import OMOP

struct ObservationPeriodRows: RowEmitter {
    static let tableName = "observation_period"
    let id, person, start, end, type: Int

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("observation_period_id")
        person = table.position("person_id")
        start = table.position("observation_period_start_date")
        end = table.position("observation_period_end_date")
        type = table.position("period_type_concept_id")
    }

    func count(in history: PersonHistory) -> Int { 1 }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        row.set(id, .integer(ids.person(history)))
        row.set(person, .integer(ids.person(history)))
        row.set(start, .date(history.observationStart))
        row.set(end, .date(history.observationEnd))
        row.set(type, .integer(ConceptID.TypeConcept.ehr))
    }
}
