import CDMTestSupport
import Foundation

/// Minimal hand-written FHIR R4 resources for the importer's tests, and the NDJSON folders that hold them.
/// Resources are plain dictionaries so that a test can break them any way it needs.
enum FHIRFixtures {
    typealias Resource = [String: Any]

    static let snomed = "http://snomed.info/sct"
    static let loinc = "http://loinc.org"
    static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    static let ucum = "http://unitsofmeasure.org"

    // MARK: Files

    /// A new temporary folder with the given NDJSON files (name → lines), written as given.
    static func folder(_ files: [String: [String]]) throws -> String {
        let path = try TestDatabases.temporaryDirectory()
        try write(files, into: path)
        return path
    }

    /// A new temporary folder with the resources as a bulk export writes them: one `<Type>.ndjson` per
    /// resource type, lines in the order given.
    static func folder(resources: [Resource]) throws -> String {
        var files: [String: [String]] = [:]
        for resource in resources { files["\(resource["resourceType"] as! String).ndjson", default: []].append(try line(resource)) }
        return try folder(files)
    }

    static func write(_ files: [String: [String]], into folder: String) throws {
        for (name, lines) in files {
            let text = lines.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
    }

    /// One resource as one compact JSON line.
    static func line(_ resource: Resource) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: resource, options: [.sortedKeys]), as: UTF8.self)
    }

    // MARK: Elements

    static func reference(_ type: String, _ id: String) -> Resource { ["reference": "\(type)/\(id)"] }

    static func concept(_ system: String, _ code: String, display: String? = nil) -> Resource {
        var coding: Resource = ["system": system, "code": code]
        if let display { coding["display"] = display }
        return ["coding": [coding]]
    }

    static func quantity(_ value: Double, _ unit: String) -> Resource {
        ["value": value, "unit": unit, "system": ucum, "code": unit]
    }

    // MARK: Resources

    /// A Patient with US Core race and ethnicity (OMB categories) and an address.
    static func patient(_ id: String, gender: String = "female", birthDate: String? = "1960-03-15", deceased: String? = nil,
                        race: String = "2106-3", ethnicity: String = "2186-5", city: String = "Springfield") -> Resource {
        func usCore(_ name: String, _ code: String) -> Resource {
            ["url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-\(name)",
             "extension": [["url": "ombCategory", "valueCoding": ["system": "urn:oid:2.16.840.1.113883.6.238", "code": code]]]]
        }
        var resource: Resource = [
            "resourceType": "Patient", "id": id, "gender": gender,
            "extension": [usCore("race", race), usCore("ethnicity", ethnicity)],
            "address": [["city": city, "state": "MA", "postalCode": "01101", "country": "US"]],
        ]
        if let birthDate { resource["birthDate"] = birthDate }
        if let deceased { resource["deceasedDateTime"] = deceased }
        return resource
    }

    static func encounter(_ id: String, patient: String, classCode: String = "AMB", start: String, end: String? = nil) -> Resource {
        ["resourceType": "Encounter", "id": id, "status": "finished", "subject": reference("Patient", patient),
         "class": ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": classCode],
         "period": ["start": start, "end": end ?? start]]
    }

    static func condition(_ id: String, patient: String, code: String, onset: String, encounter: String? = nil) -> Resource {
        var resource: Resource = ["resourceType": "Condition", "id": id, "subject": reference("Patient", patient),
                                  "code": concept(snomed, code), "onsetDateTime": onset]
        if let encounter { resource["encounter"] = reference("Encounter", encounter) }
        return resource
    }

    /// An Observation; `value` is its `value[x]` element, e.g. `["valueQuantity": quantity(4.2, "ng/mL")]`.
    static func observation(_ id: String, patient: String, system: String = loinc, code: String, date: String,
                            value: Resource = [:]) -> Resource {
        var resource: Resource = ["resourceType": "Observation", "id": id, "status": "final", "subject": reference("Patient", patient),
                                  "code": concept(system, code), "effectiveDateTime": date]
        resource.merge(value) { _, new in new }
        return resource
    }

    static func medicationAdministration(_ id: String, patient: String, rxnorm code: String, date: String, reason: String? = nil) -> Resource {
        var resource: Resource = ["resourceType": "MedicationAdministration", "id": id, "status": "completed",
                                  "subject": reference("Patient", patient), "medicationCodeableConcept": concept(rxnorm, code),
                                  "effectiveDateTime": date]
        if let reason { resource["reasonReference"] = [reference("Condition", reason)] }
        return resource
    }
}
