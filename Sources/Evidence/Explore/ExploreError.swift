/// A constraint Explore cannot evaluate: what is wrong and where, as a path into the constraint JSON such as
/// `args[1].constraint.operator` (empty for the root). Carries no patient data.
public struct ExploreError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? "constraint: \(reason)" : "\(path): \(reason)" }

    /// The path of a key inside the object at `path`.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The path of an element of the array at `path`.
    static func join(_ path: String, index: Int) -> String {
        "\(path)[\(index)]"
    }
}

extension ExploreError {
    /// The path of `path` inside the object at `prefix`, for a constraint embedded in a larger document.
    public static func join(prefix: String, _ path: String) -> String {
        path.isEmpty ? prefix : path.hasPrefix("[") ? prefix + path : "\(prefix).\(path)"
    }
}
