import CDMStore
import Foundation
import Governance
import Hummingbird
import Ingest

/// FHIR uploads for data stewards: the same import as `optima import fhir`, with the site's pseudonym keys,
/// one at a time per server. The answer is the mapping report: counts, codes and positions in the upload only.
/// Besides the request's own audit entry, an "import fhir" entry (as the command line writes) keeps the counts.
extension EndpointHandlers {
    func fhirImport(_ request: Request, _ context: BasicRequestContext, principal: Principal?) async throws -> Response {
        let name = try FHIRUpload.fileName(contentType: request.headers[.contentType])
        guard try await hasVocabulary() else {
            throw HTTPError(.conflict, message: "the database has no vocabulary: run `optima import vocabulary` or `optima import fhir` once from the command line")
        }
        let upload = try await FHIRUpload.receive(request, as: name)
        defer { upload.remove() }
        guard upload.byteCount > 0 else {
            throw HTTPError(.badRequest, message: "the body is empty: send FHIR resources as NDJSON, a Bundle or one resource")
        }
        var report: FHIRImportReport
        do {
            report = try await fhirImports.run { [database, pseudonymizer = security.pseudonymizer] in
                try await database.importFHIR([upload.file.path], pseudonymizer: pseudonymizer)
            }
        } catch let error as ImportError where (error.file as NSString).lastPathComponent == upload.name {
            throw HTTPError(.badRequest, message: "\(upload.name)\(error.line.map { ":\($0)" } ?? ""): \(error.reason)")
        }
        report.files = [upload.name]  // the importer names the file by its full path
        try await security.audit.record(AuditEvent(
            actor: principal?.name ?? "anonymous", role: principal?.role.rawValue, action: "import fhir", resource: "database",
            outcome: report.resourcesWritten == 0 ? .unchanged : .success, purpose: .dataManagement, requestID: context.id,
            detail: "resources read \(report.resourcesRead), written \(report.resourcesWritten), rejected \(report.resourcesRejected)"))
        return try JSONResponse.make(report)
    }

    /// Codes map through the vocabulary in the store; without one every code would land as concept 0.
    private func hasVocabulary() async throws -> Bool {
        guard try await database.hasSchema() else { return false }
        return try await !database.query("SELECT concept_id FROM concept LIMIT 1").isEmpty
    }
}
