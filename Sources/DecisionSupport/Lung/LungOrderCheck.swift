/// A conflict between a selected systemic therapy and the patient's driver, for a CDS Hooks `order-select` or
/// `order-sign` warning card (reference §1.5, §4.2).
public struct LungOrderCheck: Encodable, Sendable, Equatable {
    /// What was ordered against which driver.
    public struct Conflict: Encodable, Sendable, Equatable {
        /// The ordered class in words: `chemo-immunotherapy`, `immunotherapy`, `crizotinib`.
        public let orderedClass: String
        /// The ingredients of the order that conflict, lower case.
        public let orderedDrugs: [String]
        /// The driver, e.g. `EGFR L858R`.
        public let driver: String
        /// Why each conflicts, from the guideline row.
        public let reasons: [String]
    }

    /// One sentence under 140 characters for the card's `summary`.
    public let summary: String
    /// Markdown for the card's `detail`.
    public let detail: String
    /// The card's `indicator`: always `warning`, a guideline conflict the clinician may override.
    public let indicator: String
    public let conflict: Conflict
    /// The guideline-preferred targeted options, for the card's suggestions.
    public let preferred: [String]
    /// The guideline of the driver's row.
    public let source: RuleSource
}
