import CDMStore
import Evidence
import Governance

/// The data-sources page: a portrait of this database as OHDSI Achilles draws one (who is in it, how long they
/// are observed, what each table holds) with the data-quality findings beside it. Stable ids for tests and
/// links: `#persons-total`, `#domains`, `#records-by-year`, `#pyramid`, `#quality`.
struct SourcesPage {
    let portrait: SourcesPortrait
    /// The table whose records are drawn by year.
    let yearTable: String

    var summary: DataSourceSummary { portrait.summary }

    var html: HTML {
        .joined([headline, domains, recordsByYear, pyramid, topConcepts, quality])
    }

    /// The table the page draws by year: the one asked for when the summary has it, else the one with most records.
    static func yearTable(asked: String?, in summary: DataSourceSummary) -> String {
        if let asked, summary.domains.contains(where: { $0.table == asked }) { return asked }
        return summary.domains.max { ($0.records.value ?? 0) < ($1.records.value ?? 0) }?.table ?? ""
    }

    private var headline: HTML {
        let source = summary.source
        let years = summary.observation.years
        return H.section(.class("card"), .aria("labelledby", "sources-title")) {
            H.h1(.id("sources-title")) { "Data source: " + (source?.name ?? "unnamed CDM") }
            if let holder = source?.holder { H.p(.class("muted")) { "Held by \(holder)" + (source?.sourceReleaseDate.map { ", released \($0)" } ?? "") } }
            H.dl(.class("figures")) {
                figure("persons-total", SourcesNumber.count(summary.persons.total), "persons")
                figure("persons-observed", SourcesNumber.count(summary.observation.persons), "persons with observation time")
                figure("observation-years", SourcesNumber.decimal(years.median), "median years observed (mean \(SourcesNumber.decimal(years.mean)))")
                figure("cdm-version", source?.cdmVersion ?? portrait.info.cdmVersion, "CDM version")
                figure("vocabulary-version", summary.vocabularyVersion ?? portrait.info.vocabularyVersion ?? SourcesNumber.none, "vocabulary version")
            }
        }
    }

    private func figure(_ id: String, _ value: String, _ label: String) -> HTML {
        H.div(.class("figure")) {
            H.dt(.class("label")) { label }
            H.dd(.class("value"), .id(id)) { value }
        }
    }

    /// Records and persons per clinical table, with a meter of the records against the largest table.
    private var domains: HTML {
        let largest = summary.domains.compactMap(\.records.value).max() ?? 0
        return H.section(.class("card")) {
            H.table(.class("data"), .id("domains")) {
                H.caption { "Records per table" }
                H.thead { H.tr { H.th(.attr("scope", "col")) { "Table" }; H.th(.attr("scope", "col"), .class("num")) { "Persons" }
                    H.th(.attr("scope", "col"), .class("num")) { "Records" }; H.th(.attr("scope", "col")) { "Share of the largest table" } } }
                H.tbody {
                    for domain in summary.domains {
                        H.tr(.data("table", domain.table)) {
                            H.th(.attr("scope", "row")) { domain.table }
                            H.td(.class("num persons")) { SourcesNumber.count(domain.persons) }
                            H.td(.class("num records")) { SourcesNumber.count(domain.records) }
                            H.td {
                                if let records = domain.records.value, largest > 0 {
                                    H.meter(.min("0"), .max(String(largest)), .value(String(records)),
                                            .aria("label", "\(domain.table): \(SourcesNumber.grouped(records)) records")) { SourcesNumber.grouped(records) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
