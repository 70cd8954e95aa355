import CDMStore
import Governance
import OMOP

struct PersonRows: RowEmitter {
    static let tableName = "person"
    let id, gender, year, month, day, birth, race, ethnicity, genderSource, source: Int
    /// Writes `person_source_value` as the pseudonym of `synthetic-N`, as an import writes a real identifier.
    var pseudonymizer: Pseudonymizer?

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("person_id")
        gender = table.position("gender_concept_id")
        year = table.position("year_of_birth")
        month = table.position("month_of_birth")
        day = table.position("day_of_birth")
        birth = table.position("birth_datetime")
        race = table.position("race_concept_id")
        ethnicity = table.position("ethnicity_concept_id")
        genderSource = table.position("gender_source_value")
        source = table.position("person_source_value")
    }

    func count(in history: PersonHistory) -> Int { 1 }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let (y, m, d) = history.birth.components
        row.set(id, .integer(ids.person(history)))
        row.set(gender, .integer(history.gender))
        row.set(year, .integer(Int64(y)))
        row.set(month, .integer(Int64(m)))
        row.set(day, .integer(Int64(d)))
        row.set(birth, .date(history.birth))
        row.set(race, .integer(history.race))
        row.set(ethnicity, .integer(history.ethnicity))
        row.set(genderSource, .text(history.gender == ConceptID.Gender.male ? "M" : "F"))
        let identifier = "synthetic-\(history.personIndex + 1)"
        row.set(source, .text(pseudonymizer?.pseudonym(identifier) ?? identifier))
    }
}
