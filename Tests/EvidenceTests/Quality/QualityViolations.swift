import CDMStore
import OMOP

/// Rows that break each data-quality check, inserted into a generated population: events before birth, long after
/// death, outside observation, unmapped, prostate findings of a woman, impossible PSA values, a person without
/// observation and records of a person who does not exist.
struct QualityViolations {
    /// Checks ("name table [concept]") and how many violating rows each must at least count.
    let expectedAtLeast: [String: Int]
    /// The person whose conditions precede their birth.
    let bornAfterEvents: Int64

    static func insert(into db: any Database) async throws -> QualityViolations {
        let living = try await db.query("""
            SELECT p.person_id, p.gender_concept_id AS gender, p.year_of_birth AS born, o.observation_period_start_date AS s, o.observation_period_end_date AS e
            FROM person p JOIN observation_period o ON o.person_id = p.person_id
            WHERE p.person_id NOT IN (SELECT person_id FROM death) ORDER BY p.person_id
            """)
        let male = living.first { $0["gender"].integerValue == ConceptID.Gender.male }!
        let female = living.first { $0["gender"].integerValue == ConceptID.Gender.female }!
        let dead = try await db.query("SELECT person_id, death_date FROM death ORDER BY person_id").first!
        var next = try await db.query("SELECT MAX(measurement_id) AS m FROM measurement").first!["m"].integerValue! + 1_000_000
        func id() -> SQLValue { next += 1; return .integer(next) }
        let (maleID, femaleID, deadID) = (male["person_id"], female["person_id"], dead["person_id"])
        let inside = male["s"].dateValue!.adding(days: 1)
        let femaleInside = female["s"].dateValue!.adding(days: 1)
        let beforeBirth = CDMDate(year: Int(male["born"].integerValue!) - 3, month: 6, day: 1)!
        let death = dead["death_date"].dateValue!
        let ehr = SQLValue.integer(ConceptID.TypeConcept.ehr)

        let condition = "INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_type_concept_id) VALUES (?, ?, ?, ?, ?)"
        let measurement = """
            INSERT INTO measurement (measurement_id, person_id, measurement_concept_id, measurement_date, measurement_type_concept_id, value_as_number, unit_concept_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """
        let drug = """
            INSERT INTO drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_end_date, drug_type_concept_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """
        let procedure = "INSERT INTO procedure_occurrence (procedure_occurrence_id, person_id, procedure_concept_id, procedure_date, procedure_type_concept_id) VALUES (?, ?, ?, ?, ?)"
        let psa = SQLValue.integer(ConceptID.Marker.psa), ngml = SQLValue.integer(ConceptID.Unit.nanogramPerMillilitre)
        let statements = [
            SQLStatement(condition, [id(), maleID, .integer(ConceptID.Comorbidity.obesity), .date(beforeBirth), ehr]),
            SQLStatement(condition, [id(), maleID, .integer(ConceptID.Comorbidity.obesity), .date(beforeBirth.adding(days: 30)), ehr]),
            SQLStatement(condition, [id(), femaleID, .integer(ConceptID.Cancer.primaryMalignantNeoplasmOfProstate), .date(femaleInside), ehr]),
            SQLStatement(measurement, [id(), femaleID, psa, .date(femaleInside), ehr, .double(4.1), ngml]),
            SQLStatement(measurement, [id(), maleID, psa, .date(inside), ehr, .double(-1), ngml]),
            SQLStatement(measurement, [id(), maleID, psa, .date(inside), ehr, .double(25_000), ngml]),
            SQLStatement(measurement, [id(), deadID, .integer(ConceptID.Vital.hemoglobin), .date(death.adding(days: 100)), ehr,
                                       .double(12), .integer(ConceptID.Unit.gramPerDecilitre)]),
            SQLStatement(measurement, [id(), .integer(999_999_999), .integer(ConceptID.Vital.hemoglobin), .date(inside), ehr,
                                       .double(12), .integer(ConceptID.Unit.gramPerDecilitre)]),
            SQLStatement(drug, [id(), deadID, .integer(ConceptID.Drug.tamoxifen), .date(death.adding(days: 60)), .date(death.adding(days: 60)), ehr]),
            SQLStatement(drug, [id(), deadID, .integer(ConceptID.Drug.tamoxifen), .date(death.adding(days: 61)), .date(death.adding(days: 61)), ehr]),
            SQLStatement(procedure, [id(), maleID, .integer(ConceptID.noMatchingConcept), .date(male["e"].dateValue!.adding(days: 10)), ehr]),
            SQLStatement("INSERT INTO person (person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id) VALUES (?, ?, ?, 0, 0)",
                         [.integer(999_999_001), .integer(ConceptID.Gender.female), .integer(1970)]),
        ]
        try await db.transaction(statements)
        return QualityViolations(expectedAtLeast: [
            "plausibleTemporalAfter condition_occurrence": 2,
            "plausibleGender condition_occurrence": 1,
            "plausibleGender measurement": 1,
            "plausibleValueLow measurement 3013603": 1,
            "plausibleValueHigh measurement 3013603": 1,
            "plausibleDuringLife measurement": 1,
            "plausibleDuringLife drug_exposure": 1,
            "withinObservationPeriod procedure_occurrence": 1,
            "withinObservationPeriod measurement": 1,
            "standardConceptRecordCompleteness procedure_occurrence": 1,
            "isForeignKey measurement": 1,
            "measurePersonCompleteness observation_period": 1,
        ], bornAfterEvents: maleID.integerValue!)
    }
}
