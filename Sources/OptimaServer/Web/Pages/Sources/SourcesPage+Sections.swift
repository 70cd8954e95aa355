import Charts
import Evidence
import Governance

extension SourcesPage {
    /// One table's records by calendar year as a bar chart, with a plain GET form to pick the table.
    var recordsByYear: HTML {
        let domain = summary.domains.first { $0.table == yearTable }
        let bars = (domain?.recordsByYear ?? []).map { BarChart.Bar(label: $0.label, count: $0.count.value, countLabel: SourcesNumber.count($0.count)) }
        let chart = BarChart(title: "Records of \(yearTable) by year", subtitle: domain.map { "\(SourcesNumber.count($0.records)) records" },
                             valueName: "records", bars: bars)
        return H.section(.class("card")) {
            H.h2 { "Records by year" }
            H.form(.method("get"), .action(WebRoute.sources.path), .class("actions")) {
                H.label(.for("year-table")) { "Table" }
                H.select(.id("year-table"), .name("table")) {
                    for option in summary.domains { H.option(.value(option.table), .selected(option.table == yearTable)) { option.table } }
                }
                H.button(.type("submit")) { "Show" }
            }
            H.figure(.class("chart"), .id("records-by-year"), .data("table", yearTable)) {
                HTML.trusted(svg: chart.svg())
                H.figcaption {
                    "Records of \(yearTable) by the year of their date: "
                        + bars.map { "\($0.label) \($0.countLabel)" }.joined(separator: ", ") + "."
                }
            }
        }
    }

    /// The age/sex pyramid the summary draws, with its cells as a table for readers who cannot see it.
    var pyramid: HTML {
        H.section(.class("card")) {
            H.h2 { "Persons by age and sex" }
            H.figure(.class("chart"), .id("pyramid")) {
                HTML.trusted(svg: summary.pyramid())
                H.figcaption { "Age group at the start of the first observation period, by sex; counts below \(summary.settings.minimumCount) read “<\(summary.settings.minimumCount)”." }
            }
            H.details {
                H.summary { "The pyramid as a table" }
                H.table(.class("data"), .id("pyramid-cells")) {
                    H.caption { "Persons by sex and age group" }
                    H.thead { H.tr { H.th(.attr("scope", "col")) { "Sex" }; H.th(.attr("scope", "col")) { "Age group" }
                        H.th(.attr("scope", "col"), .class("num")) { "Persons" } } }
                    H.tbody {
                        for cell in summary.persons.pyramid {
                            H.tr { H.td { cell.sex }; H.td { cell.ageGroup }; H.td(.class("num")) { SourcesNumber.count(cell.persons) } }
                        }
                    }
                }
            }
        }
    }

    /// The concepts most persons have, per ranked table.
    var topConcepts: HTML {
        H.section(.class("card"), .id("top-concepts")) {
            H.h2 { "Most frequent concepts" }
            H.div(.class("grid")) {
                for domain in summary.domains {
                    if let concepts = domain.topConcepts {
                        H.table(.class("data"), .id("top-\(domain.table)")) {
                            H.caption { "Top concepts of \(domain.table)" }
                            H.thead { H.tr { H.th(.attr("scope", "col")) { "Concept" }; H.th(.attr("scope", "col"), .class("num")) { "Persons" }
                                H.th(.attr("scope", "col"), .class("num")) { "Records" } } }
                            H.tbody {
                                for concept in concepts {
                                    H.tr(.data("concept", String(concept.conceptID))) {
                                        H.th(.attr("scope", "row")) { H.a(.href("/vocabulary/concepts/\(concept.conceptID)")) { concept.name } }
                                        H.td(.class("num persons")) { SourcesNumber.count(concept.persons) }
                                        H.td(.class("num records")) { SourcesNumber.count(concept.records) }
                                    }
                                }
                                if concepts.isEmpty { H.tr { H.td(.attr("colspan", "3"), .class("muted")) { "No concept is held by \(summary.settings.minimumCount) persons or more." } } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every data-quality check with its counts and a pass/fail badge.
    var quality: HTML {
        let report = portrait.quality
        return H.section(.class("card"), .aria("labelledby", "quality-title")) {
            H.h2(.id("quality-title")) { "Data quality" }
            H.p(.id("quality-summary")) {
                "\(report.passed) checks passed, \(report.failed) failed, \(report.notApplicable) not applicable "
                "(in the spirit of OHDSI DataQualityDashboard; a check fails when more than its threshold of the checked rows violate it)."
            }
            H.table(.class("data"), .id("quality")) {
                H.caption { "Data-quality checks" }
                H.thead {
                    H.tr {
                        for (title, numeric) in [("Check", false), ("Category", false), ("Where", false), ("What violates it", false), ("Violating rows", true),
                                                 ("Checked rows", true), ("Violating %", true), ("Threshold %", true), ("Result", false)] {
                            H.th(.attr("scope", "col"), numeric ? .class("num") : .none) { title }
                        }
                    }
                }
                H.tbody {
                    for result in report.results { row(result) }
                }
            }
        }
    }

    private func row(_ result: DataQualityResult) -> HTML {
        let check = result.check
        let place = [check.table, check.field].compactMap { $0 }.joined(separator: ".") + (check.conceptID.map { " (concept \($0))" } ?? "")
        let (badge, word) = switch result.status {
        case .passed: ("badge badge-ok", "pass")
        case .failed: ("badge badge-bad", "fail")
        case .notApplicable: ("badge", "not applicable")
        }
        return H.tr(.data("check", check.name), .data("table", check.table), .data("status", result.status.rawValue)) {
            H.th(.attr("scope", "row")) { H.code { check.name } }
            H.td { check.category.rawValue }
            H.td { place }
            H.td { check.description }
            H.td(.class("num violating")) { SourcesNumber.count(result.violating) }
            H.td(.class("num denominator")) { SourcesNumber.count(result.denominator) }
            H.td(.class("num")) { SourcesNumber.decimal(result.percent, 2) }
            H.td(.class("num")) { SourcesNumber.decimal(check.thresholdPercent, 0) }
            H.td { H.span(.class(badge)) { word } }
        }
    }
}
