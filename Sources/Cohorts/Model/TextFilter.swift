/// A text test: `startsWith`, `contains`, `endsWith` or their `!` negations; any other `Op` is an exact match.
public struct TextFilter: Decodable, Sendable, Equatable {
    public var text: String
    public var op: String

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        text = try o("Text") ?? ""
        op = try o("Op") ?? ""
    }
}
