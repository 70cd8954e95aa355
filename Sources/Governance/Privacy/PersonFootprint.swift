import CDMStore
import OMOP

/// Where the rows of some persons are, table by table, as SQL conditions: every CDM table with a
/// `person_id` (from the schema), `cohort` by `subject_id`, and the rows that hang off a person's rows
/// without a `person_id`: `note_nlp` by note, `episode_event` by episode, `cost` and `fact_relationship`
/// by the event they name (via the `domain` table, so `fact_relationship` needs the vocabulary's domains).
/// Parts come in an order in which they can be deleted: dependents first, `person` last.
struct PersonFootprint {
    struct Part {
        let table: String
        /// A `WHERE` condition; its placeholders are the person ids, repeated.
        let condition: String
        let binds: [SQLValue]
    }

    /// The domains whose events `cost` and `fact_relationship` may name, and the table holding them.
    static let eventTables: [(domain: String, table: String)] = [
        ("Person", "person"), ("Visit", "visit_occurrence"), ("Condition", "condition_occurrence"), ("Drug", "drug_exposure"),
        ("Procedure", "procedure_occurrence"), ("Device", "device_exposure"), ("Measurement", "measurement"),
        ("Observation", "observation"), ("Specimen", "specimen"), ("Note", "note"), ("Episode", "episode"),
    ]

    /// The CDM tables with a `person_id`, in schema order.
    static let personTables = CDMSchema.v54.tables.filter { $0.field(named: "person_id") != nil }.map(\.name)

    let parts: [Part]

    init(personIDs: [Int64], dialect: SQLDialect) {
        let ids = personIDs.map(SQLValue.integer)
        let list = "(" + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
        func part(_ table: String, _ conditions: [String]) -> Part {
            Part(table: table, condition: conditions.map { "(\($0))" }.joined(separator: " OR "),
                 binds: Array(repeating: ids, count: conditions.count).flatMap { $0 })
        }
        func keys(of table: String) -> String {
            let key = CDMSchema.v54.table(named: table)!.primaryKey[0].name
            return "SELECT \(key) FROM \(dialect.quote(table)) WHERE person_id IN \(list)"
        }
        let events = Self.eventTables
        parts = [
            part("note_nlp", ["note_id IN (\(keys(of: "note")))"]),
            part("episode_event", ["episode_id IN (\(keys(of: "episode")))"]),
            part("cost", events.map { "cost_domain_id = '\($0.domain)' AND cost_event_id IN (\(keys(of: $0.table)))" }),
            part("fact_relationship", [1, 2].flatMap { side in
                events.map {
                    "domain_concept_id_\(side) IN (SELECT domain_concept_id FROM \(dialect.quote("domain")) WHERE domain_id = '\($0.domain)') "
                        + "AND fact_id_\(side) IN (\(keys(of: $0.table)))"
                }
            }),
        ]
            + Self.personTables.filter { $0 != "person" }.map { part($0, ["person_id IN \(list)"]) }
            + [part("cohort", ["subject_id IN \(list)"]), part("person", ["person_id IN \(list)"])]
    }
}
