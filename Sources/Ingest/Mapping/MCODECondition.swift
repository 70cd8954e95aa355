/// What an mCODE cancer condition (primary or secondary) adds to a plain Condition: its histology
/// (`mcode-histology-morphology-behavior`) and body site, which together name the ICD-O-3 diagnosis
/// concept the OMOP oncology model prefers, and the staging Observations it lists in `stage.assessment`.
enum MCODECondition {
    static let histologyExtension = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior"

    /// The ICD-O-3 `histology/behaviour-topography` code (`8140/3-C61.9`) of a Condition whose histology and
    /// body site are both coded in ICD-O-3; nil otherwise.
    static func icdo3Diagnosis(_ condition: JSONValue) -> SourceCode? {
        let histology = condition["extension"]?.elements.first { $0["url"]?.string == histologyExtension }
        guard let morphology = Coding.codings(of: histology?["valueCodeableConcept"]).first(where: isICDO3),
              let topography = condition["bodySite"]?.elements.lazy.flatMap({ Coding.codings(of: $0) }).first(where: isICDO3)
        else { return nil }
        return SourceCode(system: CodeSystem.icdo3, code: "\(morphology.code)-\(topography.code)")
    }

    /// The logical ids of the Observations a Condition's `stage.assessment` names.
    static func assessments(_ condition: JSONValue) -> [String] {
        (condition["stage"]?.elements ?? []).flatMap { stage in
            (stage["assessment"]?.elements ?? []).compactMap { Reference($0) }.filter { $0.names("Observation") }.map(\.id)
        }
    }

    private static func isICDO3(_ coding: Coding) -> Bool {
        CodeSystem.vocabularyID(of: coding.system) == "ICDO3"
    }
}
