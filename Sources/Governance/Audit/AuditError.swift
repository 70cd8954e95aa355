/// The audit trail could not be written or read, said in words naming what and where (never an event's values).
public struct AuditError: Error, CustomStringConvertible, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
