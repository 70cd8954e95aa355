import CDMStore
import OMOP

extension ResourceMapper {
    /// MedicationRequest / MedicationAdministration / MedicationStatement / MedicationDispense → drug_exposure.
    /// Requests are prescriptions (type 32838); the others EHR records. A request's end comes from its
    /// validity period or expected supply, else the exposure ends the day it starts.
    func mapMedicationUse(_ type: String, _ resource: JSONValue) throws {
        if let status = resource["status"]?.string, ["entered-in-error", "cancelled", "not-taken", "not-done", "declined"].contains(status) {
            throw Skip("status \(status)")
        }
        let personID = try person(resource["subject"] ?? resource["patient"], field: "subject")
        let start: FHIRDate?, end: FHIRDate?
        var extra: [(String, SQLValue)] = []
        switch type {
        case "MedicationRequest":
            start = try firstDate([(resource["authoredOn"], "authoredOn"), (resource["dispenseRequest"]?["validityPeriod"]?["start"], "dispenseRequest.validityPeriod.start")],
                                  required: "authoredOn")
            end = try date(resource["dispenseRequest"]?["validityPeriod"]?["end"], "dispenseRequest.validityPeriod.end")
            if let quantity = resource["dispenseRequest"]?["quantity"]?["value"]?.number { extra.append(("quantity", .double(quantity))) }
            if let supply = resource["dispenseRequest"]?["expectedSupplyDuration"], supply["code"]?.string == "d" || supply["unit"]?.string?.hasPrefix("day") == true,
               let days = supply["value"]?.number, days >= 0, days < 100_000 {
                extra.append(("days_supply", .integer(Int64(days.rounded()))))
            }
        case "MedicationDispense":
            start = try firstDate([(resource["whenHandedOver"], "whenHandedOver"), (resource["whenPrepared"], "whenPrepared")], required: "whenHandedOver")
            end = nil
            if let quantity = resource["quantity"]?["value"]?.number { extra.append(("quantity", .double(quantity))) }
        default:
            start = try firstDate([(resource["effectiveDateTime"], "effectiveDateTime"), (resource["effectivePeriod"]?["start"], "effectivePeriod.start"),
                                   (resource["dateAsserted"], "dateAsserted")], required: "effective date")
            end = try date(resource["effectivePeriod"]?["end"], "effectivePeriod.end")
        }
        guard let start else { return }
        if let end, end.date < start.date { throw Rejection("the end date is before the start date") }
        var event = ClinicalEvent(person: personID, visit: visit(resource["encounter"] ?? resource["context"]), start: start, end: end,
                                  type: type == "MedicationRequest" ? ConceptID.TypeConcept.ehrPrescription : ConceptID.TypeConcept.ehr)
        event.extra = extra
        let codings: [Coding]
        if let reference = Reference(resource["medicationReference"]) {
            guard let known = index.medications[reference.id] else { throw Rejection("its medicationReference Medication is not in this import") }
            codings = known
        } else {
            codings = Coding.codings(of: resource["medicationCodeableConcept"])
        }
        try emit(codings, text: resource["medicationCodeableConcept"]?["text"]?.string, defaultDomain: "Drug", event)
        mapEntry.reason = reasonCondition(resource)
    }

    /// Medication: kept in memory for the `medicationReference`s that follow it; no rows of its own.
    func indexMedication(id: String, _ resource: JSONValue) throws {
        index.medications[id] = Coding.codings(of: resource["code"])
        throw Skip("a Medication is read for the medication uses that reference it")
    }

    /// Immunization → drug_exposure (CVX vaccines are Drug-domain concepts).
    func mapImmunization(_ resource: JSONValue) throws {
        if let status = resource["status"]?.string, status != "completed" { throw Skip("status \(status)") }
        let personID = try person(resource["patient"], field: "patient")
        guard let start = try firstDate([(resource["occurrenceDateTime"], "occurrenceDateTime"), (resource["recorded"], "recorded")],
                                        required: "occurrenceDateTime") else { return }
        let event = ClinicalEvent(person: personID, visit: visit(resource["encounter"]), start: start, type: ConceptID.TypeConcept.ehr)
        try emit(Coding.codings(of: resource["vaccineCode"]), text: resource["vaccineCode"]?["text"]?.string, defaultDomain: "Drug", event)
    }
}
