/// Patient facts that cannot be used: each issue names the field and says what is wrong with its value.
public struct PatientFactsError: Error, CustomStringConvertible, Equatable, Sendable {
    public struct Issue: Sendable, Equatable, Encodable, CustomStringConvertible {
        /// The JSON field name, e.g. `psa` or `lungBiomarkers.EGFR`.
        public let field: String
        public let message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        public var description: String { "\(field): \(message)" }
    }

    public let issues: [Issue]

    public init(_ issues: [Issue]) {
        self.issues = issues
    }

    public var description: String {
        "invalid patient facts: " + issues.map(\.description).joined(separator: "; ")
    }
}
