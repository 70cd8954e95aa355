import Evidence
import Foundation
import Hummingbird
import Statistics

/// The analysis pages: a chooser of analysis and cohorts, and one page per analysis with its settings form
/// (a GET form, so a result is an address to bookmark), the result, and the same result as CSV, JSON or SVG.
extension WebHandlers {
    func analysesPage(_ web: WebRequest) async throws -> Response {
        let cohorts = try await AnalysisCohort.generated(in: database, minimumCount: settings.minimumCount)
        return page(web, title: "Analyses", area: .analyses) { AnalysisChooser.content(cohorts) }
    }

    func analysisPage(_ web: WebRequest) async throws -> Response {
        let name = try web.parameter("kind")
        guard let kind = AnalysisKind(rawValue: name) else {
            throw HTTPError(.notFound, message: "There is no analysis \"\(name.prefix(40))\": choose one of "
                            + AnalysisKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return switch kind {
        case .characterization: try await analysis(CharacterizationPage.self, web)
        case .incidence: try await analysis(IncidencePage.self, web)
        case .survival: try await analysis(SurvivalPage.self, web)
        case .cox: try await analysis(CoxPage.self, web)
        case .pathways: try await analysis(PathwaysPage.self, web)
        }
    }

    /// Reads the settings, runs the analysis once, and answers in the asked format; a setting that cannot be
    /// used shows the form again with the message beside its field.
    private func analysis<Page: AnalysisPage>(_: Page.Type, _ web: WebRequest) async throws -> Response {
        let query = try AnalysisQuery(path: Page.kind.path, query: web.request.uri.query)
        let cohorts = try await AnalysisCohort.generated(in: database, minimumCount: settings.minimumCount)
        let form = { (error: AnalysisFormError?) in AnalysisFormContext(query: query, cohorts: cohorts, error: error) }
        guard !query.isEmpty else { return analysisDocument(web, Page.self, form(nil)) { .empty } }
        do {
            let format = try AnalysisDownload(query.text("format"))
            let analysis = try Page(query, cohorts: cohorts, minimumCount: settings.minimumCount)
            let result = try await analysis.run(database)
            switch format {
            case .html:
                let picture = analysis.picture(result)
                return analysisDocument(web, Page.self, form(nil)) {
                    H.section(.class("card"), .id("analysis-result"), .aria("labelledby", "result-title")) {
                        H.h2(.id("result-title")) { "Result" }
                        AnalysisDownload.links(query, picture: picture != nil)
                        analysis.result(result, picture: picture, query: query)
                    }
                }
            case .csv:
                return download(Data(analysis.table(result).rendered.utf8), filename: "\(analysis.filename).csv", contentType: "text/csv; charset=utf-8")
            case .json:
                var response = try JSONResponse.make(result)
                response.headers[.contentDisposition] = "attachment; filename=\"\(analysis.filename).json\""
                return response
            case .svg:
                guard let svg = analysis.picture(result) else { throw AnalysisFormError("format", "this result has no picture: download csv or json") }
                return download(Data(svg.utf8), filename: "\(analysis.filename).svg", contentType: "image/svg+xml; charset=utf-8")
            }
        } catch let error as AnalysisFormError {
            return analysisDocument(web, Page.self, form(error), status: .badRequest) { .empty }
        } catch let error as EvidenceError {
            return analysisDocument(web, Page.self, form(AnalysisFormError(nil, error.description)), status: .badRequest) { .empty }
        } catch let error as StatisticsError {
            return analysisDocument(web, Page.self, form(AnalysisFormError(nil, "the model cannot be fitted: \(error.description)")),
                                    status: .unprocessableContent) { .empty }
        }
    }

    private func analysisDocument<Page: AnalysisPage>(_ web: WebRequest, _: Page.Type, _ form: AnalysisFormContext,
                                                      status: HTTPResponse.Status = .ok, @HTMLBuilder result: () -> HTML) -> Response {
        page(web, title: Page.kind.title, area: .analyses, status: status) {
            H.p(.class("muted")) { H.a(.href("/analyses")) { "Analyses" }; " › \(Page.kind.title)" }
            H.h1 { Page.kind.title }
            H.p { Page.kind.summary }
            AnalysisForm.form(Page.kind, form) { Page.fields(form) }
            result()
        }
    }
}
