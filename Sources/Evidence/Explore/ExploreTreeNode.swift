import Governance

/// A node of the concept tree, as tranSMART's `tree_nodes` gives it: what it is, how many persons are under it, and
/// the constraint that selects them (dragging or clicking a node inserts that constraint into the query).
public struct ExploreTreeNode: Sendable, Encodable, Equatable {
    /// `heading:<name>`, `concept:<id>` or `field:<name>`: stable, for the page's DOM.
    public let key: String
    public let conceptId: Int64?
    public let name: String
    public let vocabularyId: String?
    public let conceptCode: String?
    public let domain: String?
    /// Persons with a record of the concept or any concept below it (governed); nil for headings.
    public let patientCount: SmallCellCount?
    public let hasChildren: Bool
    public let constraint: ExploreConstraint?
    /// NUMERIC when the node's observations carry numbers, STRING when they carry value concepts (e.g. ER
    /// Positive/Negative): what the page's value editor offers. Nil for nodes without values.
    public let valueType: ExploreValueType?
    /// The value names seen (STRING), or the choices of a categorical field (sex).
    public let valueChoices: [String]
    /// Filled for the headings of the top level; children of a concept come from `tree(parent:)`.
    public let children: [ExploreTreeNode]

    public init(key: String, conceptId: Int64? = nil, name: String, vocabularyId: String? = nil, conceptCode: String? = nil,
                domain: String? = nil, patientCount: SmallCellCount? = nil, hasChildren: Bool = false,
                constraint: ExploreConstraint? = nil, valueType: ExploreValueType? = nil, valueChoices: [String] = [],
                children: [ExploreTreeNode] = []) {
        self.key = key
        self.conceptId = conceptId
        self.name = name
        self.vocabularyId = vocabularyId
        self.conceptCode = conceptCode
        self.domain = domain
        self.patientCount = patientCount
        self.hasChildren = hasChildren
        self.constraint = constraint
        self.valueType = valueType
        self.valueChoices = valueChoices
        self.children = children
    }
}

extension ExploreValueType: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
