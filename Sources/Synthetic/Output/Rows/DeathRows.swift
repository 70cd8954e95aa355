import CDMStore
import OMOP

struct DeathRows: RowEmitter {
    static let tableName = "death"
    let person, date, type: Int

    init(table: CDMTable, codes: [Int64: String]) {
        person = table.position("person_id")
        date = table.position("death_date")
        type = table.position("death_type_concept_id")
    }

    func count(in history: PersonHistory) -> Int { history.death == nil ? 0 : 1 }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        row.set(person, .integer(ids.person(history)))
        row.set(date, .date(history.death!))
        row.set(type, .integer(ConceptID.TypeConcept.ehr))
    }
}
