/// The contents of `breast-subtypes.json`: source, cut-offs and the definition of each subtype in words.
struct BreastSubtypeRules: Sendable, Decodable {
    let source: RuleSource
    let date: String
    let cutOffs: BreastSubtypeCutOffs
    let definitions: [String: String]

    init() throws {
        self = try RuleFile.decode(BreastSubtypeRules.self, from: "breast-subtypes.json")
    }

    /// The definition of a subtype as the file words it.
    func definition(of subtype: BreastSubtype) -> String {
        definitions[subtype.rawValue] ?? subtype.label
    }
}
