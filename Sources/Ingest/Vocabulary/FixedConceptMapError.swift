/// A fault in a fixed-mapping file, with its line (0 when it concerns the whole file).
public struct FixedConceptMapError: Error, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public var description: String {
        line > 0 ? "fhir-concept-map.tsv:\(line): \(reason)" : "fhir-concept-map.tsv: \(reason)"
    }
}
