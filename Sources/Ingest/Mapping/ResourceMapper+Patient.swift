import CDMStore
import OMOP

extension ResourceMapper {
    /// Patient → person (+ location without street lines, + death). `person_source_value` is the keyed
    /// pseudonym of the logical id, so `optima person erase --source-id <id>` finds the person; a person
    /// erased earlier does not come back.
    func mapPatient(id: String, _ resource: JSONValue) throws {
        let candidates = pseudonymizer.candidates(id)
        if candidates.contains(where: erasedPseudonyms.contains) {
            index.erasedPatients.insert(id)
            throw Skip(Self.erased)
        }
        guard let birthText = resource["birthDate"]?.string else { throw Rejection("no birthDate (the CDM requires a year of birth)") }
        guard let birth = FHIRDate(birthText) else { throw Rejection("invalid date in birthDate") }
        let personID = ids.take("person")
        let gender = resource["gender"]?.string
        let genderConcept = gender.flatMap { fixed.concept(.gender, SourceCode(system: Self.genderSystem, code: $0)) }
        let race = usCoreCategory(resource, "us-core-race")
        let ethnicity = usCoreCategory(resource, "us-core-ethnicity")
        let (year, month, day) = birth.date.components
        var values: [(String, SQLValue)] = [
            ("person_id", .integer(personID)),
            ("gender_concept_id", .integer(genderConcept ?? ConceptID.noMatchingConcept)),
            ("year_of_birth", .integer(Int64(year))),
            ("month_of_birth", birth.precision >= .month ? .integer(Int64(month)) : .null),
            ("day_of_birth", birth.precision >= .day ? .integer(Int64(day)) : .null),
            ("birth_datetime", birth.datetime.map(SQLValue.datetime) ?? (birth.precision >= .day ? .datetime(CDMDateTime(date: birth.date)) : .null)),
            ("race_concept_id", .integer(race.flatMap { fixed.concept(.race, $0.sourceCode) } ?? ConceptID.noMatchingConcept)),
            ("ethnicity_concept_id", .integer(ethnicity.flatMap { fixed.concept(.ethnicity, $0.sourceCode) } ?? ConceptID.noMatchingConcept)),
            ("person_source_value", .text(candidates[0])),
            ("gender_source_value", gender.map(SQLValue.text) ?? .null),
            ("race_source_value", race.map { .text($0.code) } ?? .null),
            ("ethnicity_source_value", ethnicity.map { .text($0.code) } ?? .null),
        ]
        if let location = location(resource["address"]?.elements.first) { values.append(("location_id", .integer(location))) }
        pending.append(("person", values))
        if let deceased = try date(resource["deceasedDateTime"], "deceasedDateTime") {
            pending.append(("death", [("person_id", .integer(personID)), ("death_date", .date(deceased.date)),
                                      ("death_datetime", datetime(deceased)), ("death_type_concept_id", .integer(ConceptID.TypeConcept.ehr))]))
        }
        index.persons[id] = personID
        mapEntry = ("person", personID, personID, nil)
    }

    static let genderSystem = "http://hl7.org/fhir/administrative-gender"

    /// The `ombCategory` coding of a US Core race or ethnicity extension.
    private func usCoreCategory(_ resource: JSONValue, _ name: String) -> Coding? {
        guard let extensionElement = resource["extension"]?.elements.first(where: { $0["url"]?.string?.hasSuffix("/" + name) == true }) else { return nil }
        let category = extensionElement["extension"]?.elements.first { $0["url"]?.string == "ombCategory" }
        return Coding.codings(of: .object(JSONObject([.init("coding", .array([category?["valueCoding"] ?? .null]))]))).first
    }

    /// A location row for an address, shared by persons with the same city, state, postcode and country.
    /// Street lines are left out: the CDM needs a region, not where a patient lives.
    private func location(_ address: JSONValue?) -> Int64? {
        guard let address else { return nil }
        let city = address["city"]?.string, state = address["state"]?.string
        let zip = address["postalCode"]?.string, country = address["country"]?.string
        guard city != nil || state != nil || zip != nil || country != nil else { return nil }
        let source = [city, state, zip, country].map { $0 ?? "" }.joined(separator: "|")
        if let known = locations[source] { return known }
        let id = ids.take("location")
        locations[source] = id
        pending.append(("location", [
            ("location_id", .integer(id)), ("city", city.map(SQLValue.text) ?? .null),
            ("state", state.flatMap { $0.count <= 2 ? SQLValue.text($0) : nil } ?? .null),
            ("zip", zip.flatMap { $0.count <= 9 ? SQLValue.text($0) : nil } ?? .null),
            ("country_source_value", country.map(SQLValue.text) ?? .null), ("location_source_value", .text(source)),
        ]))
        return id
    }
}
