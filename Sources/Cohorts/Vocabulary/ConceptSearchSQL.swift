import CDMStore

/// The queries of one concept search, one per kind of match, each with the search's filters.
struct ConceptSearchSQL {
    static let nameIndex = "idx_concept_name_lower"

    let search: ConceptSearch
    let dialect: SQLDialect
    /// Rows each query returns: the search's limit plus the concepts earlier queries found, which a
    /// later one may find again.
    var limit: Int

    func byID(_ id: Int64) -> (String, [SQLValue]) {
        select("c.concept_id = ?", [.integer(id)])
    }

    /// The exact code; `VOCABULARY:CODE` also as that vocabulary's code (the vocabulary in any case).
    func byCode() -> (String, [SQLValue]) {
        let code = search.code
        guard let qualified = code.qualified else { return select("c.concept_code = ?", [.text(code.code)]) }
        return select("(c.concept_code = ? OR (c.concept_code = ? AND lower(c.vocabulary_id) = ?))",
                      [.text(code.code), .text(qualified.code), .text(qualified.vocabulary.lowercased())])
    }

    /// Names starting with the phrase (equal names are the shortest of these). SQLite reads its
    /// expression index for a range on `lower(concept_name)`, PostgreSQL its pattern index for a
    /// left-anchored LIKE.
    func byNamePrefix(_ phrase: String) -> (String, [SQLValue]) {
        switch dialect {
        case .sqlite:
            select("lower(c.concept_name) >= ? AND lower(c.concept_name) < ?", [.text(phrase), .text(phrase + "\u{10FFFF}")])
        case .postgresql:
            select("lower(c.concept_name) LIKE ? ESCAPE '\\'", [.text(Self.escaped(phrase) + "%")])
        }
    }

    /// Names containing every word, less those starting with the phrase (listed before them). A scan:
    /// SQLite's LIKE ignores ASCII case by itself, which halves its time over `lower()` (0.6 s for
    /// 2,000,000 names); PostgreSQL's LIKE on `lower()` beats its ILIKE.
    func byNameWords(_ words: [String], notPrefix phrase: String) -> (String, [SQLValue]) {
        let name = dialect == .sqlite ? "c.concept_name" : "lower(c.concept_name)"
        let contains = words.map { _ in "\(name) LIKE ? ESCAPE '\\'" }
        return select((contains + ["\(name) NOT LIKE ? ESCAPE '\\'"]).joined(separator: " AND "),
                      words.map { .text("%" + Self.escaped($0) + "%") } + [.text(Self.escaped(phrase) + "%")])
    }

    /// Shorter names first, then by id, so that both backends agree on which rows make the limit.
    private func select(_ condition: String, _ binds: [SQLValue]) -> (String, [SQLValue]) {
        var conditions = [condition]
        var binds = binds
        if let domain = search.domain {
            conditions.append("c.domain_id = ?")
            binds.append(.text(domain))
        }
        if let vocabulary = search.vocabulary {
            conditions.append("c.vocabulary_id = ?")
            binds.append(.text(vocabulary))
        }
        if search.standardOnly { conditions.append("c.standard_concept = 'S'") }
        return ("""
            SELECT \(ConceptSummary.columns("c")) FROM concept c
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY length(c.concept_name), c.concept_id \(dialect.limit(limit))
            """, binds)
    }

    /// A LIKE pattern matching the text literally.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
