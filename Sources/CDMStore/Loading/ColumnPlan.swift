import OMOP

/// How to produce one target column of a row, flattened for the hot loop: no Strings, no lookups.
struct ColumnPlan {
    enum Source {
        case column(Int)
        case null
        case noMatchingConcept
        case rowNumber
    }

    enum Kind {
        case integer, float, date, datetime, text
    }

    let source: Source
    let kind: Kind
    /// The `varchar(n)` limit in characters; `Int.max` for `varchar(MAX)` and non-text columns.
    let limit: Int
    let isRequired: Bool

    init(field: CDMField, source: ColumnMapping.Source) {
        switch source {
        case .column(let index): self.source = .column(index)
        case .null: self.source = .null
        case .fill(.noMatchingConcept): self.source = .noMatchingConcept
        case .fill(.rowNumber): self.source = .rowNumber
        }
        switch field.datatype {
        case .integer: kind = .integer; limit = .max
        case .float: kind = .float; limit = .max
        case .date: kind = .date; limit = .max
        case .datetime: kind = .datetime; limit = .max
        case .varchar(let size): kind = .text; limit = size ?? .max
        }
        isRequired = field.isRequired
    }
}
