/// Why a CDS Hooks call gets no cards, with the HTTP status the specification gives it.
public enum CDSHooksError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No service has this id (404).
    case unknownService(String)
    /// The request does not follow the specification; the reason names the member (400).
    case badRequest(String)
    /// Neither the prefetch nor Optima's own store holds the data the service needs (412).
    case preconditionFailed(String)

    public var description: String {
        switch self {
        case .unknownService(let id): "no CDS service has the id \"\(id)\""
        case .badRequest(let reason): "invalid CDS Hooks request: \(reason)"
        case .preconditionFailed(let reason): reason
        }
    }

    /// The HTTP status code of the error.
    public var status: Int {
        switch self {
        case .unknownService: 404
        case .badRequest: 400
        case .preconditionFailed: 412
        }
    }
}
