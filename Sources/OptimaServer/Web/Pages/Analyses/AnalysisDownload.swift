/// The forms one result comes in: the page, or a file of the same query (`?format=csv|json|svg`).
enum AnalysisDownload: String, CaseIterable {
    case html, csv, json, svg

    /// The format a request names; the page when none.
    init(_ text: String?) throws {
        guard let text else { self = .html; return }
        guard let format = AnalysisDownload(rawValue: text.lowercased()) else {
            throw AnalysisFormError("format", "must be csv, json or svg (got \"\(text.prefix(20))\")")
        }
        self = format
    }

    /// The `.downloads` paragraph: links to the same result as files.
    static func links(_ query: AnalysisQuery, picture: Bool) -> HTML {
        H.p(.class("downloads")) {
            "Download: "
            H.a(.href(query.link(["format": "csv"])), .attr("download", "")) { "table (CSV)" }
            H.a(.href(query.link(["format": "json"])), .attr("download", "")) { "result (JSON)" }
            if picture { H.a(.href(query.link(["format": "svg"])), .attr("download", "")) { "chart (SVG)" } }
        }
    }
}
