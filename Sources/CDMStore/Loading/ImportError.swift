/// Why an import stopped, with where: `file:line: field: why`. Never carries a field's value,
/// so no patient data reaches a terminal or a log through it.
public struct ImportError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let field: String?
    public let reason: String

    public init(file: String, line: Int? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let field { text += ": \(field)" }
        return text + ": " + reason
    }
}
