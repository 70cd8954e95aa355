/// Settings or data an analysis cannot use, said in words naming what and where.
public struct EvidenceError: Error, CustomStringConvertible, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
