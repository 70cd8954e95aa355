import Governance
import Hummingbird

extension WebHandlers {
    /// GET /audit: the chain's verification and a page of entries, filtered by actor and outcome, paged by `before`.
    func auditPage(_ web: WebRequest) async throws -> Response {
        let query = AuditQuery(before: web.query("before"), actor: web.query("actor"), outcome: web.query("outcome"))
        let chain = try await database.verifyAuditChain()
        var entries: [AuditEntry]?
        var readError: String?
        if query.errors.isEmpty {
            do {
                entries = try await database.auditEntries(before: query.before, actor: query.actor, outcome: query.outcome, limit: AuditQuery.pageSize)
            } catch let error as AuditError {
                readError = "The entries cannot be listed: \(error)"
            }
        }
        return page(web, title: "Audit trail", area: .audit, status: query.errors.isEmpty ? .ok : .badRequest) {
            AuditPage(chain: chain, query: query, entries: entries, readError: readError).html
        }
    }
}
