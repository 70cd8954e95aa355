import CDMStore
import OMOP

struct DrugRows: RowEmitter {
    static let tableName = "drug_exposure"
    let id, person, concept, start, end, type, daysSupply, visit, source: Int
    let codes: [Int64: String]

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("drug_exposure_id")
        person = table.position("person_id")
        concept = table.position("drug_concept_id")
        start = table.position("drug_exposure_start_date")
        end = table.position("drug_exposure_end_date")
        type = table.position("drug_type_concept_id")
        daysSupply = table.position("days_supply")
        visit = table.position("visit_occurrence_id")
        source = table.position("drug_source_value")
        self.codes = codes
    }

    func count(in history: PersonHistory) -> Int { history.drugs.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let drug = history.drugs[position]
        row.set(id, .integer(ids.drug(position)))
        row.set(person, .integer(ids.person(history)))
        row.set(concept, .integer(drug.concept))
        row.set(start, .date(drug.start))
        row.set(end, .date(drug.end))
        row.set(type, .integer(ConceptID.TypeConcept.ehr))
        row.set(daysSupply, drug.daysSupply.map { .integer(Int64($0)) } ?? .null)
        row.set(visit, ids.visit(drug.visit).sqlValue)
        row.set(source, codes[drug.concept].map(SQLValue.text) ?? .null)
    }
}
