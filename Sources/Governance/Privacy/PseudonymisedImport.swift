import CDMStore

/// What a pseudonymising OMOP import loaded, and how many erased persons it kept out.
public struct PseudonymisedImport: Sendable {
    public let summary: ImportSummary
    /// Persons whose pseudonym is in the erasure register: none of their rows were loaded.
    public let erasedPersonsSkipped: Int
}
