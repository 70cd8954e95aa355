/// The surrogate subtype of a breast cancer, with the cut-offs it was read against.
public struct BreastSubtypeOutput: ToolOutput, Equatable {
    /// One row of the marker table: the marker, the value used and the cut-off applied.
    public struct Marker: Sendable, Equatable, Encodable {
        public let marker: String
        public let value: String
        public let cutOff: String
    }

    public let subtype: BreastSubtype
    /// `subtype.label`, for readers of the JSON.
    public let label: String
    /// The subtype's definition, as the rule file words it.
    public let definition: String
    public let cutOffs: BreastSubtypeCutOffs
    public let markers: [Marker]

    public var summary: String {
        "\(label): \(definition) (St Gallen 2013 surrogate subtype)."
    }

    public var detail: String {
        var lines = ["**\(label)**: \(definition).", "", "| Marker | Value | Cut-off |", "|---|---|---|"]
        lines += markers.map { "| \($0.marker) | \($0.value) | \($0.cutOff) |" }
        return lines.joined(separator: "\n")
    }
}
