import CDMStore
import OMOP

extension ResourceMapper {
    /// Condition → condition_occurrence, or the table its concept's domain names (162573006 "Suspected lung
    /// cancer" is an Observation-domain concept). Refuted and entered-in-error conditions are not facts.
    func mapCondition(id: String, _ resource: JSONValue) throws {
        if resource["patient"] != nil, resource["subject"] == nil {
            throw Rejection("has `patient` instead of `subject`: a FHIR DSTU2 Condition; Optima reads FHIR R4")
        }
        if let status = Coding.codings(of: resource["verificationStatus"]).first?.code, ["refuted", "entered-in-error"].contains(status) {
            throw Skip("verificationStatus \(status)")
        }
        let personID = try person(resource["subject"], field: "subject")
        guard let start = try firstDate([(resource["onsetDateTime"], "onsetDateTime"), (resource["onsetPeriod"]?["start"], "onsetPeriod.start"),
                                         (resource["recordedDate"], "recordedDate")], required: "onset or recordedDate") else { return }
        let end = try firstDate([(resource["abatementDateTime"], "abatementDateTime"), (resource["abatementPeriod"]?["end"], "abatementPeriod.end")],
                                required: nil)
        let event = ClinicalEvent(person: personID, visit: visit(resource["encounter"]), start: start, end: end,
                                  type: ConceptID.TypeConcept.ehrEncounterRecord)
        // An mCODE histology and body site name the ICD-O-3 diagnosis: it goes first, the code stays as the alternative.
        let codings = (MCODECondition.icdo3Diagnosis(resource).map { [Coding(system: $0.system, code: $0.code, display: nil)] } ?? [])
            + Coding.codings(of: resource["code"])
        let row = try emit(codings, text: resource["code"]?["text"]?.string, defaultDomain: "Condition", event)
        guard row.table == "condition_occurrence" else { return }
        index.conditions[id] = row.id
        for observation in MCODECondition.assessments(resource) { index.assessments[observation] = row.id }
    }

    /// Procedure → procedure_occurrence (or its concept's domain); `reasonReference` to a diagnosis is kept
    /// so the cancer episode can list the treatment.
    func mapProcedure(id: String, _ resource: JSONValue) throws {
        if let status = resource["status"]?.string, ["not-done", "entered-in-error"].contains(status) { throw Skip("status \(status)") }
        let personID = try person(resource["subject"], field: "subject")
        guard let start = try firstDate([(resource["performedDateTime"], "performedDateTime"), (resource["performedPeriod"]?["start"], "performedPeriod.start")],
                                        required: "performed date") else { return }
        let end = try date(resource["performedPeriod"]?["end"], "performedPeriod.end")
        let event = ClinicalEvent(person: personID, visit: visit(resource["encounter"]), start: start, end: end, type: ConceptID.TypeConcept.ehr)
        let row = try emit(Coding.codings(of: resource["code"]), text: resource["code"]?["text"]?.string, defaultDomain: "Procedure", event)
        if row.table == "procedure_occurrence" { index.procedures[id] = row.id }
        mapEntry.reason = reasonCondition(resource)
    }

    /// Observation → measurement or observation by domain; a panel with components gives a row per
    /// component (blood pressure → systolic and diastolic); a staging observation whose value is a stage or
    /// TNM category becomes that cancer modifier, linked to the diagnosis it describes.
    func mapObservation(_ resource: JSONValue) throws {
        if let status = resource["status"]?.string, ["entered-in-error", "cancelled"].contains(status) { throw Skip("status \(status)") }
        let personID = try person(resource["subject"], field: "subject")
        guard let start = try firstDate([(resource["effectiveDateTime"], "effectiveDateTime"), (resource["effectivePeriod"]?["start"], "effectivePeriod.start"),
                                         (resource["effectiveInstant"], "effectiveInstant"), (resource["issued"], "issued")],
                                        required: "effective date or issued") else { return }
        var event = ClinicalEvent(person: personID, visit: visit(resource["encounter"]), start: start, type: ConceptID.TypeConcept.ehr)
        event.describes = described(resource["focus"], observationID: resource["id"]?.string)
        let codings = Coding.codings(of: resource["code"])
        let value = EventValue(resource)
        if let modifier = cancerModifier(codings, value) {
            _ = writeEvent(domain: "Measurement", concept: modifier, sourceValue: codings[0].code,
                           sourceConcept: lookup.mapping(codings[0].sourceCode).sourceConceptID, withValueCode(event, value))
            return
        }
        let components = resource["component"]?.elements ?? []
        if value == nil, !components.isEmpty {
            for component in components {
                var part = event
                part.value = EventValue(component)
                try emit(Coding.codings(of: component["code"]), text: component["code"]?["text"]?.string, defaultDomain: "Measurement", part)
            }
            return
        }
        event.value = value
        try emit(codings, text: resource["code"]?["text"]?.string, defaultDomain: "Measurement", event)
    }

    /// DiagnosticReport: a report that groups result Observations adds nothing they do not carry (they are
    /// imported themselves); a report with only a conclusion is recorded as a measurement of its code.
    func mapDiagnosticReport(_ resource: JSONValue) throws {
        if !(resource["result"]?.elements.isEmpty ?? true) {
            throw Skip("groups result Observations, which are imported on their own")
        }
        let personID = try person(resource["subject"], field: "subject")
        guard let start = try firstDate([(resource["effectiveDateTime"], "effectiveDateTime"), (resource["effectivePeriod"]?["start"], "effectivePeriod.start"),
                                         (resource["issued"], "issued")], required: "effective date or issued") else { return }
        var event = ClinicalEvent(person: personID, visit: visit(resource["encounter"]), start: start, type: ConceptID.TypeConcept.ehr)
        if let conclusion = resource["conclusionCode"]?.elements.first {
            event.value = EventValue(.object(JSONObject([.init("valueCodeableConcept", conclusion)])))
        }
        try emit(Coding.codings(of: resource["code"]), text: resource["code"]?["text"]?.string, defaultDomain: "Measurement", event)
    }

    /// The diagnosis or procedure an Observation's `focus` names (mCODE links staging and markers this way).
    /// Else the diagnosis whose mCODE `stage.assessment` lists the Observation.
    private func described(_ focus: JSONValue?, observationID: String?) -> (id: Int64, field: Int64)? {
        for reference in focus?.elements.compactMap({ Reference($0) }) ?? [] {
            if reference.names("Condition"), let id = index.conditions[reference.id] { return (id, ConceptID.Field.conditionOccurrenceID) }
            if reference.names("Procedure"), let id = index.procedures[reference.id] { return (id, ConceptID.Field.procedureOccurrenceID) }
        }
        return observationID.flatMap { index.assessments.removeValue(forKey: $0) }.map { ($0, ConceptID.Field.conditionOccurrenceID) }
    }

    /// The diagnosis (`condition_occurrence_id`) a treatment's first `reasonReference` names, when imported.
    func reasonCondition(_ resource: JSONValue) -> Int64? {
        resource["reasonReference"]?.elements.lazy.compactMap { Reference($0) }.compactMap { self.index.conditions[$0.id] }.first
    }

    /// The cancer modifier a staging observation (stage group, T, N or M category) states, from the fixed
    /// concept map; nil for any other observation.
    private func cancerModifier(_ codings: [Coding], _ value: EventValue?) -> Int64? {
        guard let code = codings.first, CodeSystem.vocabularyID(of: code.system) == "LOINC", Self.stagingCodes.contains(code.code),
              let valueCoding = value?.concept
        else { return nil }
        return fixed.concept(.modifier, valueCoding.sourceCode)
    }

    /// The event with the value's code kept as `value_source_value` (the modifier concept is the value).
    private func withValueCode(_ event: ClinicalEvent, _ value: EventValue?) -> ClinicalEvent {
        var event = event
        event.value = value?.concept.map { coding in
            var kept = EventValue(.object(JSONObject([.init("valueString", .string(coding.code))])))!
            kept.text = coding.code
            return kept
        }
        return event
    }

    /// LOINC codes of clinical and pathological stage group and T, N, M categories.
    static let stagingCodes: Set<String> = ["21908-9", "21905-5", "21906-3", "21907-1", "21902-2", "21899-0", "21900-6", "21901-4"]
}
