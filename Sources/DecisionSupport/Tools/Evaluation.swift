/// What a tool says about one patient: its answer, or why it has none; the model or guideline with its version;
/// the facts it used and those it missed.
public struct Evaluation: Sendable, Encodable {
    public enum Status: String, Sendable, Encodable {
        /// The tool answered.
        case complete
        /// A fact the tool cannot do without is missing (see `missing`).
        case blocked
        /// The patient is outside the population the model or rule was made for (see `scopeNote`).
        case outOfScope = "out-of-scope"
    }

    public let tool: ToolID
    public let title: String
    public let status: Status
    public let sources: [RuleSource]
    public let used: [UsedFact]
    public let missing: [MissingFact]
    /// Why the patient is out of the model's scope, when they are.
    public let scopeNote: String?
    /// Limits of the answer a reader must know (e.g. "observational data").
    public let caveats: [String]
    public let output: (any ToolOutput)?

    public init(tool: ToolID, title: String, status: Status, sources: [RuleSource], used: [UsedFact],
                missing: [MissingFact], scopeNote: String? = nil, caveats: [String] = [], output: (any ToolOutput)?) {
        self.tool = tool
        self.title = title
        self.status = status
        self.sources = sources
        self.used = used
        self.missing = missing
        self.scopeNote = scopeNote
        self.caveats = caveats
        self.output = output
    }

    private enum CodingKeys: String, CodingKey {
        case tool, title, status, sources, used, missing, scopeNote, caveats, output, patientExplanation, iconArray
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tool, forKey: .tool)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(sources, forKey: .sources)
        try container.encode(used, forKey: .used)
        try container.encode(missing, forKey: .missing)
        try container.encodeIfPresent(scopeNote, forKey: .scopeNote)
        if !caveats.isEmpty { try container.encode(caveats, forKey: .caveats) }
        if let output {
            try container.encode(output, forKey: .output)
            try container.encodeIfPresent(output.patientExplanation, forKey: .patientExplanation)
            try container.encodeIfPresent(output.iconArray, forKey: .iconArray)
        }
    }
}
