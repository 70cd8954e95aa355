import CDMStore
import OMOP

/// Measurements, including cancer modifiers: a modifier points at the record it qualifies through
/// `measurement_event_id` and `meas_event_field_concept_id`.
struct MeasurementRows: RowEmitter {
    static let tableName = "measurement"
    let id, person, concept, date, type, number, value, unit, visit, source, unitSource, event, eventField: Int
    let codes: [Int64: String]

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("measurement_id")
        person = table.position("person_id")
        concept = table.position("measurement_concept_id")
        date = table.position("measurement_date")
        type = table.position("measurement_type_concept_id")
        number = table.position("value_as_number")
        value = table.position("value_as_concept_id")
        unit = table.position("unit_concept_id")
        visit = table.position("visit_occurrence_id")
        source = table.position("measurement_source_value")
        unitSource = table.position("unit_source_value")
        event = table.position("measurement_event_id")
        eventField = table.position("meas_event_field_concept_id")
        self.codes = codes
    }

    func count(in history: PersonHistory) -> Int { history.measurements.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let measurement = history.measurements[position]
        row.set(id, .integer(ids.measurement(position)))
        row.set(person, .integer(ids.person(history)))
        row.set(concept, .integer(measurement.concept))
        row.set(date, .date(measurement.date))
        row.set(type, .integer(measurement.modifies == nil ? ConceptID.TypeConcept.ehr : ConceptID.TypeConcept.tumorRegistry))
        row.set(number, measurement.number.map(SQLValue.double) ?? .null)
        row.set(value, measurement.valueConcept.sqlValue)
        row.set(unit, measurement.unit.sqlValue)
        row.set(visit, ids.visit(measurement.visit).sqlValue)
        row.set(source, codes[measurement.concept].map(SQLValue.text) ?? .null)
        row.set(unitSource, measurement.unit.flatMap { codes[$0] }.map(SQLValue.text) ?? .null)
        if let target = measurement.modifies {
            let link = ids.target(target)
            row.set(event, .integer(link.id))
            row.set(eventField, .integer(link.field))
        }
    }
}
