/// A disclosure setting that cannot be used, said in words naming what and where.
public struct DisclosureError: Error, CustomStringConvertible, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
