/// Moves an event's dates: start = the chosen date + `startOffset`, end = the chosen date + `endOffset`.
public struct DateAdjustment: Decodable, Sendable, Equatable {
    public enum Field: Sendable, Equatable { case startDate, endDate }

    public var startWith: Field
    public var startOffset: Int
    public var endWith: Field
    public var endOffset: Int

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        func field(_ name: String, _ fallback: Field) throws -> Field {
            guard let text: String = try o(name) else { return fallback }
            switch text.uppercased() {
            case "START_DATE": return .startDate
            case "END_DATE": return .endDate
            default: throw o.invalid(name, "\"\(text)\" is not START_DATE or END_DATE")
            }
        }
        startWith = try field("StartWith", .startDate)
        startOffset = try o("StartOffset") ?? 0
        endWith = try field("EndWith", .endDate)
        endOffset = try o("EndOffset") ?? 0
    }
}
