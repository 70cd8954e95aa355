/// A concept as an export writes it: its FHIR coding made once, and the code a unit's UCUM quantity needs.
struct ExportConcept: Sendable {
    let vocabularyID: String
    let code: String
    let coding: JSONValue

    /// `{system, code, display}` in the vocabulary's FHIR code system, or in OHDSI's concept-id system when
    /// the vocabulary has none (local "Optima" concepts, Cancer Modifier, OMOP Genomic, …).
    init(id: Int64, vocabularyID: String, code: String, name: String) {
        self.vocabularyID = vocabularyID
        self.code = code
        var members = JSONObject()
        if let system = CodeSystem.uri(ofVocabulary: vocabularyID) {
            members["system"] = .string(system)
            members["code"] = .string(code)
        } else {
            members["system"] = .string(CodeSystem.omopConcept)
            members["code"] = .string(String(id))
        }
        if !name.isEmpty { members["display"] = .string(name) }
        coding = .object(members)
    }

    /// A concept id the vocabulary does not hold: still written, by id, so that nothing is silently lost.
    static func unknown(_ id: Int64) -> JSONValue {
        .object(JSONObject([.init("system", .string(CodeSystem.omopConcept)), .init("code", .string(String(id)))]))
    }
}
