import CDMStore
import OMOP

extension ResourceMapper {
    /// AllergyIntolerance → observation, always (as the FHIR-to-OMOP IG's Allergy map does): its code names
    /// the substance, whose own domain (Drug, …) would misfile an allergy as an exposure.
    func mapAllergy(_ resource: JSONValue) throws {
        if let status = Coding.codings(of: resource["verificationStatus"]).first?.code, ["refuted", "entered-in-error"].contains(status) {
            throw Skip("verificationStatus \(status)")
        }
        let personID = try person(resource["patient"], field: "patient")
        guard let start = try firstDate([(resource["onsetDateTime"], "onsetDateTime"), (resource["recordedDate"], "recordedDate")],
                                        required: "onsetDateTime or recordedDate") else { return }
        let event = ClinicalEvent(person: personID, visit: visit(resource["encounter"]), start: start, type: ConceptID.TypeConcept.ehr)
        try emit(Coding.codings(of: resource["code"]), text: resource["code"]?["text"]?.string, defaultDomain: "Observation", forceDomain: true, event)
    }

    /// Device → device_exposure; a device without a type is still recorded (concept 0) with its UDI, and
    /// its manufacture date stands in for the start of use a Device resource does not carry.
    func mapDevice(_ resource: JSONValue) throws {
        if let status = resource["status"]?.string, status == "entered-in-error" { throw Skip("status \(status)") }
        let personID = try person(resource["patient"], field: "patient")
        guard let start = try firstDate([(resource["manufactureDate"], "manufactureDate")], required: "manufactureDate") else { return }
        var event = ClinicalEvent(person: personID, visit: nil, start: start, type: ConceptID.TypeConcept.ehr)
        if let udi = resource["udiCarrier"]?.elements.first?["deviceIdentifier"]?.string { event.extra.append(("unique_device_id", .text(udi))) }
        let codings = Coding.codings(of: resource["type"])
        try emit(codings, text: resource["type"]?["text"]?.string ?? (codings.isEmpty ? "Device" : nil), defaultDomain: "Device", event)
    }
}
