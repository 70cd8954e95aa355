import CDMStore
import OMOP

extension ResourceMapper {
    /// Queues one clinical row in the table of `domain`, and returns its table and key.
    func writeEvent(domain: String, concept: Int64, sourceValue: String, sourceConcept: Int64, _ event: ClinicalEvent) -> (table: String, id: Int64) {
        let start = event.start, end = event.end
        let visit: [(String, SQLValue)] = [
            ("visit_occurrence_id", event.visit.map { .integer($0.visit) } ?? .null),
            ("visit_detail_id", event.visit.map { .integer($0.detail) } ?? .null),
        ]
        let table: String, id: Int64
        var values: [(String, SQLValue)]
        switch domain {
        case "Condition":
            (table, id) = ("condition_occurrence", ids.take("condition_occurrence"))
            values = [("condition_occurrence_id", .integer(id)), ("condition_concept_id", .integer(concept)),
                      ("condition_start_date", .date(start.date)), ("condition_start_datetime", datetime(start)),
                      ("condition_end_date", end.map { .date($0.date) } ?? .null), ("condition_end_datetime", end.map(datetime) ?? .null),
                      ("condition_type_concept_id", .integer(event.type)),
                      ("condition_source_value", .text(sourceValue)), ("condition_source_concept_id", .integer(sourceConcept))]
        case "Procedure":
            (table, id) = ("procedure_occurrence", ids.take("procedure_occurrence"))
            values = [("procedure_occurrence_id", .integer(id)), ("procedure_concept_id", .integer(concept)),
                      ("procedure_date", .date(start.date)), ("procedure_datetime", datetime(start)),
                      ("procedure_end_date", end.map { .date($0.date) } ?? .null), ("procedure_end_datetime", end.map(datetime) ?? .null),
                      ("procedure_type_concept_id", .integer(event.type)),
                      ("procedure_source_value", .text(sourceValue)), ("procedure_source_concept_id", .integer(sourceConcept))]
        case "Drug":
            (table, id) = ("drug_exposure", ids.take("drug_exposure"))
            // The CDM requires an end date; without one the exposure ends the day it starts (a loss of accuracy).
            let last = end ?? start
            values = [("drug_exposure_id", .integer(id)), ("drug_concept_id", .integer(concept)),
                      ("drug_exposure_start_date", .date(start.date)), ("drug_exposure_start_datetime", datetime(start)),
                      ("drug_exposure_end_date", .date(last.date)), ("drug_exposure_end_datetime", datetime(last)),
                      ("drug_type_concept_id", .integer(event.type)),
                      ("drug_source_value", .text(sourceValue)), ("drug_source_concept_id", .integer(sourceConcept))]
        case "Device":
            (table, id) = ("device_exposure", ids.take("device_exposure"))
            values = [("device_exposure_id", .integer(id)), ("device_concept_id", .integer(concept)),
                      ("device_exposure_start_date", .date(start.date)), ("device_exposure_start_datetime", datetime(start)),
                      ("device_exposure_end_date", end.map { .date($0.date) } ?? .null), ("device_exposure_end_datetime", end.map(datetime) ?? .null),
                      ("device_type_concept_id", .integer(event.type)),
                      ("device_source_value", .text(sourceValue)), ("device_source_concept_id", .integer(sourceConcept))]
        case "Measurement":
            (table, id) = ("measurement", ids.take("measurement"))
            values = [("measurement_id", .integer(id)), ("measurement_concept_id", .integer(concept)),
                      ("measurement_date", .date(start.date)), ("measurement_datetime", datetime(start)),
                      ("measurement_type_concept_id", .integer(event.type)),
                      ("measurement_source_value", .text(sourceValue)), ("measurement_source_concept_id", .integer(sourceConcept))]
            values += valueFields(event.value, table: "measurement")
            if let described = event.describes {
                values += [("measurement_event_id", .integer(described.id)), ("meas_event_field_concept_id", .integer(described.field))]
            }
        default:
            (table, id) = ("observation", ids.take("observation"))
            values = [("observation_id", .integer(id)), ("observation_concept_id", .integer(concept)),
                      ("observation_date", .date(start.date)), ("observation_datetime", datetime(start)),
                      ("observation_type_concept_id", .integer(event.type)),
                      ("observation_source_value", .text(sourceValue)), ("observation_source_concept_id", .integer(sourceConcept))]
            values += valueFields(event.value, table: "observation")
        }
        values.append(("person_id", .integer(event.person)))
        values += visit
        if table == "drug_exposure" || table == "device_exposure" { values += event.extra }
        pending.append((table, values))
        if mapEntry.table == nil { mapEntry.table = table; mapEntry.id = id }
        return (table, id)
    }

    /// `value_as_*`, unit and value source fields of a measurement or observation.
    private func valueFields(_ value: EventValue?, table: String) -> [(String, SQLValue)] {
        guard let value else { return [] }
        var fields: [(String, SQLValue)] = []
        if let number = value.number, number.isFinite { fields.append(("value_as_number", .double(number))) }
        if let concept = valueConcept(value.concept) {
            fields.append(("value_as_concept_id", .integer(concept)))
            fields.append(("value_source_value", .text(value.concept!.code)))
        } else if let text = value.text {
            fields.append(table == "observation" ? ("value_as_string", .text(text)) : ("value_source_value", .text(text)))
        }
        if value.unit != nil || value.unitText != nil {
            let unit = value.unit.flatMap { CodeSystem.vocabularyID(of: $0.system) == "UCUM" ? valueConcept($0) : nil }
            fields.append(("unit_concept_id", .integer(unit ?? ConceptID.noMatchingConcept)))
            if let text = value.unitText { fields.append(("unit_source_value", .text(text))) }
        }
        return fields
    }

    func datetime(_ date: FHIRDate) -> SQLValue {
        date.datetime.map(SQLValue.datetime) ?? .null
    }
}
