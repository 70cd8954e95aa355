/// What can go wrong in a FHIR export that the caller can fix: an unknown person, an unwritable folder.
public enum FHIRExportError: Error, Equatable, CustomStringConvertible {
    case unknownPerson(Int64)
    /// No person is held under a source identifier's pseudonyms; the identifier itself is never repeated.
    case noPersonHeld
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .unknownPerson(let id): "no person with person_id \(id) in the CDM"
        case .noPersonHeld: "no person is held under that identifier"
        case .cannotWrite(let path): "cannot write \(path)"
        }
    }
}
