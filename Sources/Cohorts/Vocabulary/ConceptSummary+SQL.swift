import CDMStore

extension ConceptSummary {
    /// The `concept` columns a summary reads, for a table aliased `alias`.
    static func columns(_ alias: String) -> String {
        ["concept_id", "concept_name", "domain_id", "vocabulary_id", "concept_class_id", "concept_code", "standard_concept", "invalid_reason"]
            .map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// A summary from a row selected with `columns(_:)`; empty text in the flag columns counts as none,
    /// since Athena's CSV files leave them empty rather than NULL.
    init?(row: SQLRow) {
        guard let id = row["concept_id"].integerValue else { return nil }
        func flag(_ column: String) -> String? {
            row[column].textValue.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        self.init(id: id, name: row["concept_name"].textValue ?? "", domain: row["domain_id"].textValue ?? "",
                  vocabulary: row["vocabulary_id"].textValue ?? "", conceptClass: row["concept_class_id"].textValue ?? "",
                  code: row["concept_code"].textValue ?? "", standardConcept: flag("standard_concept"),
                  invalidReason: flag("invalid_reason"))
    }
}
