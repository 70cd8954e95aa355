/// One `Coding` of a FHIR CodeableConcept (or a Quantity's unit), as the importer reads it.
struct Coding: Equatable {
    let system: String
    let code: String
    let display: String?

    var sourceCode: SourceCode { SourceCode(system: system, code: code) }

    /// The codings of a CodeableConcept, in order; codings without a system or code are left out.
    static func codings(of concept: JSONValue?) -> [Coding] {
        guard let concept else { return [] }
        return concept["coding"]?.elements.compactMap { coding in
            guard let system = coding["system"]?.string, let code = coding["code"]?.string, !code.isEmpty else { return nil }
            return Coding(system: system, code: code, display: coding["display"]?.string)
        } ?? []
    }

    /// Every `{system, code}` pair anywhere in a resource (codings, quantities, extensions' valueCoding):
    /// what one vocabulary prefetch needs, without a list per resource type to keep in step with the mapping.
    /// `systems` remembers which system URIs name a vocabulary: normalising a URI costs more than the walk.
    static func allCodes(in value: JSONValue, into codes: inout Set<SourceCode>, systems: inout [String: Bool]) {
        switch value {
        case .object(let object):
            if case .string(let system)? = object["system"], case .string(let code)? = object["code"], !code.isEmpty {
                let known = systems[system] ?? {
                    let known = CodeSystem.vocabularyID(of: system) != nil || CodeSystem.isOMOPConcept(system)
                    systems[system] = known
                    return known
                }()
                if known { codes.insert(SourceCode(system: system, code: code)) }
            }
            for member in object.members {
                switch member.value {
                case .object, .array: allCodes(in: member.value, into: &codes, systems: &systems)
                default: continue
                }
            }
        case .array(let elements):
            for element in elements { allCodes(in: element, into: &codes, systems: &systems) }
        default:
            return
        }
    }
}
