import CDMStore
import OMOP

/// person (+ death) → Patient: gender, birth date, death, US Core race and ethnicity. No identifier:
/// `person_source_value` holds a pseudonym, which must not leave the site.
struct PatientMapping: FHIRResourceMapping {
    let resourceType = "Patient"
    let from = "person t"
    let columns = [
        "t.person_id", "t.gender_concept_id", "t.year_of_birth", "t.month_of_birth", "t.day_of_birth", "t.birth_datetime",
        "t.race_concept_id", "t.ethnicity_concept_id",
        "(SELECT MIN(d.death_date) FROM death d WHERE d.person_id = t.person_id)",
        "(SELECT MIN(d.death_datetime) FROM death d WHERE d.person_id = t.person_id)",
    ]
    let conceptColumns: [String] = []

    static let ombSystem = "urn:oid:2.16.840.1.113883.6.238"
    /// OMOP race concept → OMB category code and display (US Core race).
    static let races: [Int64: (code: String, display: String)] = [
        ConceptID.Race.white: ("2106-3", "White"), ConceptID.Race.black: ("2054-5", "Black or African American"), ConceptID.Race.asian: ("2028-9", "Asian"),
        8657: ("1002-5", "American Indian or Alaska Native"), 8557: ("2076-8", "Native Hawaiian or Other Pacific Islander"),
    ]
    /// OMOP ethnicity concept → OMB category code and display (US Core ethnicity).
    static let ethnicities: [Int64: (code: String, display: String)] = [
        ConceptID.Ethnicity.hispanic: ("2135-2", "Hispanic or Latino"), ConceptID.Ethnicity.notHispanic: ("2186-5", "Not Hispanic or Latino"),
    ]

    func resource(_ row: SQLRow, _ vocabulary: ExportVocabulary) -> JSONObject {
        var patient = JSONObject([.init("resourceType", .string(resourceType)), .init("id", .string(FHIRElements.id("person", row[0])))])
        var extensions: [JSONValue] = []
        if let race = row[6].integerValue.flatMap({ Self.races[$0] }) { extensions.append(Self.category("race", race)) }
        if let ethnicity = row[7].integerValue.flatMap({ Self.ethnicities[$0] }) { extensions.append(Self.category("ethnicity", ethnicity)) }
        if !extensions.isEmpty { patient["extension"] = .array(extensions) }
        patient["gender"] = .string(Self.gender(row[1].integerValue))
        patient["birthDate"] = Self.birthDate(year: row[2], month: row[3], day: row[4], datetime: row[5])
        patient["deceasedDateTime"] = FHIRElements.dateTime(row[8], row[9])
        return patient
    }

    static func gender(_ concept: Int64?) -> String {
        switch concept {
        case ConceptID.Gender.male: "male"
        case ConceptID.Gender.female: "female"
        default: "unknown"
        }
    }

    /// From `birth_datetime`, else the year, month and day as far as they are known (`YYYY`, `YYYY-MM`).
    static func birthDate(year: SQLValue, month: SQLValue, day: SQLValue, datetime: SQLValue) -> JSONValue? {
        if let date = datetime.dateValue { return .string(date.description) }
        guard let year = year.integerValue, (1000...9999).contains(year) else { return nil }
        guard let month = month.integerValue, (1...12).contains(month) else { return .string(String(year)) }
        if let day = day.integerValue, let date = CDMDate(year: Int(year), month: Int(month), day: Int(day)) {
            return .string(date.description)
        }
        return .string("\(year)-" + (month < 10 ? "0\(month)" : String(month)))
    }

    /// A US Core race or ethnicity extension: the OMB category and its text.
    private static func category(_ kind: String, _ category: (code: String, display: String)) -> JSONValue {
        .object(JSONObject([
            .init("url", .string("http://hl7.org/fhir/us/core/StructureDefinition/us-core-\(kind)")),
            .init("extension", .array([
                .object(JSONObject([.init("url", .string("ombCategory")),
                                    .init("valueCoding", FHIRElements.coding(ombSystem, category.code, category.display))])),
                .object(JSONObject([.init("url", .string("text")), .init("valueString", .string(category.display))])),
            ])),
        ]))
    }
}
