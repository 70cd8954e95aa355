import CDMStore

/// What differs between the analysis pages: how the query becomes settings, the one library call, and how its
/// result reads as HTML, CSV and a picture. The form around it, the errors and the downloads are the same for
/// every analysis (`WebHandlers+Analyses`).
protocol AnalysisPage: Sendable {
    associatedtype Result: Encodable & Sendable

    static var kind: AnalysisKind { get }

    /// Reads the settings; an `AnalysisFormError` names the field that cannot be used.
    init(_ query: AnalysisQuery, cohorts: [AnalysisCohort], minimumCount: Int) throws

    /// The analysis, by one library call.
    func run(_ database: any Database) async throws -> Result

    /// The settings form's fields, filled from the query (also when it holds an error).
    static func fields(_ form: AnalysisFormContext) -> HTML

    /// The result as the page shows it; `picture` is the chart's SVG when the analysis draws one.
    func result(_ result: Result, picture: String?, query: AnalysisQuery) -> HTML

    /// The result's rows, as the CSV download holds them.
    func table(_ result: Result) -> CSVTable

    /// The chart, when this result has one.
    func picture(_ result: Result) -> String?

    /// The downloads' file name without extension, e.g. "survival-cohort-3".
    var filename: String { get }
}

/// What the fields of a settings form need: the submitted values, the cohorts to choose from, and the error to
/// show beside its field.
struct AnalysisFormContext: Sendable {
    let query: AnalysisQuery
    let cohorts: [AnalysisCohort]
    let error: AnalysisFormError?

    /// Whether the form shows an analysis' defaults: nothing was submitted yet.
    var isFresh: Bool { query.isEmpty }
}
