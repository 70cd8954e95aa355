/// Why a document is not JSON, and where: `offset` counts bytes from the start of the parsed input
/// (from 0), so for NDJSON it is the position within the line.
public struct JSONSyntaxError: Error, CustomStringConvertible, Equatable, Sendable {
    public let offset: Int
    public let reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
