/// Input a statistical routine cannot use, said in words naming what and where.
public struct StatisticsError: Error, CustomStringConvertible, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
