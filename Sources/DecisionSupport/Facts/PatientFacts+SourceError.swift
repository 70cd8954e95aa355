/// Patient facts that cannot be read from their source at all (as opposed to `PatientFactsError`, a value
/// that is read but impossible).
public enum DecisionSupportFactsError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No person with this `person_id` in the store.
    case unknownPerson(Int64)

    public var description: String {
        switch self {
        case .unknownPerson(let id): "no person with person_id \(id) in the database"
        }
    }
}
