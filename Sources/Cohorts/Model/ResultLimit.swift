/// Which events per person a step keeps: the first, the last, or all (matched case-insensitively; default first).
public enum ResultLimit: Decodable, Sendable, Equatable {
    case first, last, all

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard let text: String = try o("Type") else {
            self = .first
            return
        }
        switch text.lowercased() {
        case "first": self = .first
        case "last": self = .last
        case "all": self = .all
        default: throw o.invalid("Type", "\"\(text)\" is not First, Last or All")
        }
    }
}
