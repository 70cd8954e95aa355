/// One file an import reads: bulk-data NDJSON (a resource a line) or a Bundle document (Synthea's
/// per-patient transaction Bundles).
public struct FHIRInputFile: Sendable, Equatable {
    public let path: String
    public let kind: Kind
    /// Size on disk (compressed size for `.gz`).
    public let size: Int64

    public enum Kind: String, Sendable {
        case ndjson, bundle
    }

    public init(path: String, kind: Kind, size: Int64) {
        self.path = path
        self.kind = kind
        self.size = size
    }

    /// The last path component, as locations and messages show it.
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
