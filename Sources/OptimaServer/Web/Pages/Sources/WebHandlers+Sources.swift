import Hummingbird

extension WebHandlers {
    /// GET /sources: the portrait of this database and its data quality, kept while the data is unchanged.
    func sourcesPage(_ web: WebRequest) async throws -> Response {
        let portrait = try await SourcesPortraitCache.shared.portrait(of: database, minimumCount: settings.minimumCount)
        let table = SourcesPage.yearTable(asked: web.query("table"), in: portrait.summary)
        return page(web, title: "Data sources", area: .sources) {
            SourcesPage(portrait: portrait, yearTable: table).html
        }
    }
}
