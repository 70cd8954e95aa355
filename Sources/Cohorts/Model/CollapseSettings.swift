/// How cohort eras are built: periods closer than `eraPad` days merge (Circe supports only ERA).
public struct CollapseSettings: Decodable, Sendable, Equatable {
    public var eraPad: Int

    public init(eraPad: Int = 0) {
        self.eraPad = eraPad
    }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        if let type: String = try o("CollapseType"), type.uppercased() != "ERA" {
            throw o.invalid("CollapseType", "\"\(type)\" is not ERA")
        }
        eraPad = try o("EraPad") ?? 0
    }
}
