import CDMStore
import Charts
import Evidence

/// Table 1 of a target cohort (against a comparator when one is chosen), sorted on the server by the links in the
/// column headers, so sorting works without a script.
struct CharacterizationPage: AnalysisPage {
    static let kind = AnalysisKind.characterization

    /// The columns a reader can sort by, each with the order it starts in.
    enum Sort: String, CaseIterable {
        case name, target, comparator, smd

        var startsDescending: Bool { self != .name }
    }

    let settings: CharacterizationSettings
    let sort: Sort?
    let descending: Bool

    init(_ query: AnalysisQuery, cohorts: [AnalysisCohort], minimumCount: Int) throws {
        let target = try query.cohort("target", in: cohorts)
        let comparator = try query.text("comparator").map { try AnalysisQuery.cohort($0, field: "comparator", in: cohorts) }
        if comparator == target { throw AnalysisFormError("comparator", "is the target cohort: choose another or none") }
        let domains = try query.has("domains") ? query.texts("domains").map { text in
            guard let domain = CharacterizationSettings.Domain(rawValue: text) else {
                throw AnalysisFormError("domains", "\"\(text.prefix(40))\" is not one of " + CharacterizationSettings.Domain.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return domain
        } : CharacterizationSettings.Domain.allCases
        let groups = query.has("groups") ? query.texts("groups").contains("true") : true
        settings = CharacterizationSettings(target: target, comparator: comparator, domains: domains, groups: groups, minimumCount: minimumCount)
        sort = try query.text("sort").map { text in
            guard let sort = Sort(rawValue: text) else {
                throw AnalysisFormError("sort", "must be one of " + Sort.allCases.map(\.rawValue).joined(separator: ", ") + " (got \"\(text.prefix(20))\")")
            }
            return sort
        }
        switch query.text("order") {
        case nil: descending = sort?.startsDescending ?? false
        case "desc": descending = true
        case "asc": descending = false
        case let other?: throw AnalysisFormError("order", "must be asc or desc (got \"\(other.prefix(20))\")")
        }
    }

    func run(_ database: any Database) async throws -> Characterization {
        try await database.characterization(settings)
    }

    var filename: String { "characterization-cohort-\(settings.target)" + (settings.comparator.map { "-vs-\($0)" } ?? "") }

    static func fields(_ form: AnalysisFormContext) -> HTML {
        H.div(.class("grid")) {
            H.div {
                AnalysisForm.cohort("target", "Target cohort", form)
                AnalysisForm.cohort("comparator", "Comparator cohort", form, optional: "No comparator")
            }
            H.div {
                H.fieldset(form.error?.field == "domains" ? .aria("describedby", "domains-error") : .none) {
                    H.legend { "Domains recorded in the year before index" }
                    H.input(.type("hidden"), .name("domains"), .value(""))
                    for domain in CharacterizationSettings.Domain.allCases {
                        H.label(.class("check"), .for("domains-\(domain.rawValue)")) {
                            H.input(.type("checkbox"), .id("domains-\(domain.rawValue)"), .name("domains"), .value(domain.rawValue),
                                    .checked(!form.query.has("domains") || form.query.texts("domains").contains(domain.rawValue)))
                            domain.rawValue
                        }
                    }
                    AnalysisForm.message("domains", form)
                }
                H.input(.type("hidden"), .name("groups"), .value(""))
                H.label(.class("check"), .for("groups")) {
                    H.input(.type("checkbox"), .id("groups"), .name("groups"), .value("true"),
                            .checked(!form.query.has("groups") || form.query.texts("groups").contains("true")))
                    "Also count concept groups (ancestors)"
                }
            }
        }
    }

    func result(_ result: Characterization, picture: String?, query: AnalysisQuery) -> HTML {
        let comparator = result.comparator != nil
        return .joined([
            H.p(.id("characterization-sizes")) {
                "Target: \(result.target), \(result.targetPersons) persons"
                if let name = result.comparator, let persons = result.comparatorPersons { "; comparator: \(name), \(persons) persons" }
                ". Rows suppressed on every side (left out): \(result.suppressedRows)."
            },
            H.table(.class("data"), .id("characterization")) {
                H.caption { "Table 1 of \(result.target)" + (result.comparator.map { " against \($0)" } ?? "") + ": persons with each covariate, share or mean (SD)" }
                H.thead {
                    H.tr {
                        header(.name, "Covariate", query)
                        H.th(.attr("scope", "col")) { "Domain" }
                        header(.target, "Target persons", query, numeric: true)
                        H.th(.attr("scope", "col"), .class("num")) { "Target % or mean (SD)" }
                        if comparator {
                            header(.comparator, "Comparator persons", query, numeric: true)
                            H.th(.attr("scope", "col"), .class("num")) { "Comparator % or mean (SD)" }
                            header(.smd, "SMD", query, numeric: true)
                        }
                    }
                }
                H.tbody {
                    for row in sorted(result.rows) {
                        H.tr {
                            H.th(.attr("scope", "row")) { row.covariate }
                            H.td(.class("muted")) { row.domain }
                            H.td(.class("num")) { row.target.persons.description }
                            H.td(.class("num")) { Self.summary(row.target) }
                            if comparator {
                                H.td(.class("num")) { row.comparator?.persons.description ?? AnalysisNumber.none }
                                H.td(.class("num")) { row.comparator.map(Self.summary) ?? AnalysisNumber.none }
                                H.td(.class("num smd")) { AnalysisNumber.fixed(row.smd, 3) }
                            }
                        }
                    }
                }
            },
            picture.map { svg in
                AnalysisFigure.figure(id: "balance-plot", svg: svg, caption: "Standardized mean differences, largest first (at most 40); dashed lines at ±0.1. "
                                      + result.rows.compactMap { row in row.smd.flatMap { $0.isNaN ? nil : (row.covariate, $0) } }.sorted { abs($0.1) > abs($1.1) }
                                          .prefix(5).map { "\($0.0) \(AnalysisNumber.fixed($0.1, 2))" }.joined(separator: "; ") + ".")
            } ?? .empty,
        ])
    }

    /// A column header that sorts by its column: the sorted one says so (`aria-sort`) and its link reverses the order.
    private func header(_ column: Sort, _ title: String, _ query: AnalysisQuery, numeric: Bool = false) -> HTML {
        let current = sort == column
        let nextDescending = current ? !descending : column.startsDescending
        return H.th(.attr("scope", "col"), numeric ? .class("num") : .none,
                    current ? .aria("sort", descending ? "descending" : "ascending") : .none) {
            H.a(.href(query.link(["sort": column.rawValue, "order": nextDescending ? "desc" : "asc", "format": nil]))) {
                title
                if current { descending ? " ▼" : " ▲" }
            }
        }
    }

    /// The rows in the order asked for: |SMD|, persons or name; rows without the value last, ties by name.
    func sorted(_ rows: [CharacterizationRow]) -> [CharacterizationRow] {
        guard let sort else { return rows }
        func key(_ row: CharacterizationRow) -> Double? {
            switch sort {
            case .name: nil
            case .target: row.target.persons.value.map(Double.init)
            case .comparator: row.comparator?.persons.value.map(Double.init)
            case .smd: row.smd.map(abs)
            }
        }
        return rows.sorted { a, b in
            if sort == .name { return descending ? a.covariate > b.covariate : a.covariate < b.covariate }
            switch (key(a), key(b)) {
            case let (x?, y?) where x != y: return descending ? x > y : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.covariate < b.covariate
            }
        }
    }

    static func summary(_ summary: CharacterizationRow.Summary) -> String {
        if let mean = summary.mean { return "\(AnalysisNumber.fixed(mean, 1)) (\(AnalysisNumber.fixed(summary.sd, 1)))" }
        return AnalysisNumber.percent(summary.proportion)
    }

    func table(_ result: Characterization) -> CSVTable {
        CSVTable(
            header: ["domain", "covariate", "concept_id", "target_persons", "target_proportion", "target_mean", "target_sd",
                     "comparator_persons", "comparator_proportion", "comparator_mean", "comparator_sd", "smd"],
            rows: sorted(result.rows).map { row in
                [row.domain, row.covariate, row.conceptID.map(String.init) ?? ""]
                    + Self.cells(row.target) + (row.comparator.map(Self.cells) ?? ["", "", "", ""]) + [CSVTable.number(row.smd)]
            })
    }

    private static func cells(_ summary: CharacterizationRow.Summary) -> [String] {
        [summary.persons.description, CSVTable.number(summary.proportion), CSVTable.number(summary.mean), CSVTable.number(summary.sd)]
    }

    /// The standardized differences at a glance, when there is a comparator to differ from.
    func picture(_ result: Characterization) -> String? {
        guard let comparator = result.comparator else { return nil }
        return BalancePlot(title: "Covariate balance: \(result.target) vs \(comparator)",
                           rows: result.rows.compactMap { row in row.smd.map { BalancePlot.Row(label: "\(row.covariate) (\(row.domain))", difference: $0) } })
            .svg()
    }
}
