extension CDMSchema {
    /// Results tables a Circe cohort engine writes besides `cohort` and `cohort_definition`
    /// (see shared/docs/reference/ohdsi-conventions.md §2.7). They are not part of the CDM
    /// specification, so they are listed apart from `tables`.
    public static let cohortResultsTables: [CDMTable] = [
        CDMTable(name: "cohort_inclusion", group: .results, isRequired: false, fields: [
            CDMField("cohort_definition_id", .integer, isRequired: true),
            CDMField("rule_sequence", .integer, isRequired: true),
            CDMField("name", .varchar(255), isRequired: false),
            CDMField("description", .varchar(1000), isRequired: false),
        ]),
        CDMTable(name: "cohort_inclusion_result", group: .results, isRequired: false, fields: [
            CDMField("cohort_definition_id", .integer, isRequired: true),
            CDMField("mode_id", .integer, isRequired: true),
            CDMField("inclusion_rule_mask", .integer, isRequired: true),
            CDMField("person_count", .integer, isRequired: true),
        ]),
        CDMTable(name: "cohort_inclusion_stats", group: .results, isRequired: false, fields: [
            CDMField("cohort_definition_id", .integer, isRequired: true),
            CDMField("rule_sequence", .integer, isRequired: true),
            CDMField("mode_id", .integer, isRequired: true),
            CDMField("person_count", .integer, isRequired: true),
            CDMField("gain_count", .integer, isRequired: true),
            CDMField("person_total", .integer, isRequired: true),
        ]),
        CDMTable(name: "cohort_summary_stats", group: .results, isRequired: false, fields: [
            CDMField("cohort_definition_id", .integer, isRequired: true),
            CDMField("mode_id", .integer, isRequired: true),
            CDMField("base_count", .integer, isRequired: true),
            CDMField("final_count", .integer, isRequired: true),
        ]),
        CDMTable(name: "cohort_censor_stats", group: .results, isRequired: false, fields: [
            CDMField("cohort_definition_id", .integer, isRequired: true),
            CDMField("lost_count", .integer, isRequired: true),
        ]),
    ]

    /// Every table a store holds: the specification's tables, then the cohort results tables.
    public var allTables: [CDMTable] {
        tables + Self.cohortResultsTables
    }
}
