import CDMStore
import OMOP

/// Two hand-made persons for the export's element-by-element test: person 1 with a breast cancer (ICD-10-CM source,
/// SNOMED standard), its stage, a PSA, a local condition, an observation, a drug and a procedure; person 2 with a
/// year-and-month birth and one uncoded procedure.
enum FHIRExportRecord {
    static func insert(into db: any Database) async throws {
        let day = { (text: String) in SQLValue.date(CDMDate(text)!) }
        let moment = { (text: String) in SQLValue.datetime(CDMDateTime(text)!) }
        var statements: [SQLStatement] = []
        func row(_ table: String, _ values: KeyValuePairs<String, SQLValue>) {
            let columns = values.map(\.key).joined(separator: ", ")
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            statements.append(SQLStatement("INSERT INTO \(table) (\(columns)) VALUES (\(marks))", values.map(\.value)))
        }
        for (id, name, domain, vocabulary, code) in [
            (4_112_853, "Malignant tumor of breast", "Condition", "SNOMED", "254837009"),
            (443_392, "Malignant neoplastic disease", "Condition", "SNOMED", "363346000"),
            (45_000_001, "Malignant neoplasm of unspecified site of unspecified female breast", "Condition", "ICD10CM", "C50.919"),
            (3_013_603, "Prostate specific Ag [Mass/volume] in Serum or Plasma", "Measurement", "LOINC", "2857-1"),
            (8842, "nanogram per milliliter", "Unit", "UCUM", "ng/mL"),
            (1_635_838, "AJCC/UICC Stage 1", "Measurement", "Cancer Modifier", "c-Stage-I"),
            (9191, "Positive", "Meas Value", "SNOMED", "10828004"),
            (1_351_541, "leuprolide", "Drug", "RxNorm", "42375"),
            (4_278_515, "Biopsy of prostate", "Procedure", "SNOMED", "65575008"),
        ] as [(Int64, String, String, String, String)] {
            row("concept", ["concept_id": .integer(id), "concept_name": .text(name), "domain_id": .text(domain),
                            "vocabulary_id": .text(vocabulary), "concept_class_id": .text("Test"), "concept_code": .text(code),
                            "valid_start_date": day("1970-01-01"), "valid_end_date": day("2099-12-31")])
        }
        for (ancestor, descendant) in [(443_392, 443_392), (443_392, 4_112_853)] as [(Int64, Int64)] {
            row("concept_ancestor", ["ancestor_concept_id": .integer(ancestor), "descendant_concept_id": .integer(descendant),
                                     "min_levels_of_separation": .integer(ancestor == descendant ? 0 : 1),
                                     "max_levels_of_separation": .integer(ancestor == descendant ? 0 : 1)])
        }
        row("person", ["person_id": .integer(1), "gender_concept_id": .integer(8532), "year_of_birth": .integer(1961),
                       "race_concept_id": .integer(8515), "ethnicity_concept_id": .integer(38_003_564), "person_source_value": .text("k1-secret")])
        row("person", ["person_id": .integer(2), "gender_concept_id": .integer(0), "year_of_birth": .integer(1950), "month_of_birth": .integer(3),
                       "race_concept_id": .integer(0), "ethnicity_concept_id": .integer(0)])
        row("death", ["person_id": .integer(1), "death_date": day("2023-05-06"), "death_type_concept_id": .integer(32817)])
        row("visit_occurrence", ["visit_occurrence_id": .integer(10), "person_id": .integer(1), "visit_concept_id": .integer(9201),
                                 "visit_start_date": day("2020-01-02"), "visit_start_datetime": moment("2020-01-02 08:30:00"),
                                 "visit_end_date": day("2020-01-05"), "visit_type_concept_id": .integer(32817)])
        row("condition_occurrence", ["condition_occurrence_id": .integer(20), "person_id": .integer(1), "condition_concept_id": .integer(4_112_853),
                                     "condition_start_date": day("2020-01-03"), "condition_type_concept_id": .integer(32817),
                                     "visit_occurrence_id": .integer(10), "condition_source_value": .text("C50.919"),
                                     "condition_source_concept_id": .integer(45_000_001)])
        row("condition_occurrence", ["condition_occurrence_id": .integer(21), "person_id": .integer(1), "condition_concept_id": .integer(0),
                                     "condition_start_date": day("2020-02-01"), "condition_end_date": day("2020-03-01"),
                                     "condition_type_concept_id": .integer(32817), "condition_source_value": .text("local-xyz")])
        row("measurement", ["measurement_id": .integer(30), "person_id": .integer(1), "measurement_concept_id": .integer(3_013_603),
                            "measurement_date": day("2020-01-03"), "measurement_datetime": moment("2020-01-03 10:15:00"),
                            "measurement_type_concept_id": .integer(32817), "value_as_number": .double(4.2),
                            "unit_concept_id": .integer(8842), "unit_source_value": .text("ng/mL")])
        row("measurement", ["measurement_id": .integer(31), "person_id": .integer(1), "measurement_concept_id": .integer(1_635_838),
                            "measurement_date": day("2020-01-03"), "measurement_type_concept_id": .integer(32534),
                            "value_as_concept_id": .integer(9191), "measurement_event_id": .integer(20),
                            "meas_event_field_concept_id": .integer(ConceptID.Field.conditionOccurrenceID)])
        row("observation", ["observation_id": .integer(40), "person_id": .integer(1), "observation_concept_id": .integer(2_000_000_999),
                            "observation_date": day("2020-01-03"), "observation_type_concept_id": .integer(32817), "value_as_string": .text("smoker")])
        row("drug_exposure", ["drug_exposure_id": .integer(50), "person_id": .integer(1), "drug_concept_id": .integer(1_351_541),
                              "drug_exposure_start_date": day("2020-01-10"), "drug_exposure_end_date": day("2020-04-10"),
                              "drug_type_concept_id": .integer(32838), "visit_occurrence_id": .integer(10)])
        row("procedure_occurrence", ["procedure_occurrence_id": .integer(60), "person_id": .integer(1), "procedure_concept_id": .integer(4_278_515),
                                     "procedure_date": day("2020-01-04"), "procedure_end_date": day("2020-01-04"),
                                     "procedure_type_concept_id": .integer(32817)])
        row("procedure_occurrence", ["procedure_occurrence_id": .integer(61), "person_id": .integer(2), "procedure_concept_id": .integer(0),
                                     "procedure_date": day("2021-06-07"), "procedure_type_concept_id": .integer(32817)])
        try await db.transaction(statements)
    }
}
