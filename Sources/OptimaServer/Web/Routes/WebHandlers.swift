import CDMStore
import DecisionSupport
import Evidence
import Foundation
import Hummingbird

/// What each page does: one library call and its HTML, no business logic. The pages of an area live in
/// `Pages/AREA/WebHandlers+AREA.swift`.
struct WebHandlers: Sendable {
    let database: any Database
    let security: ServerSecurity
    let explore: ExploreEngine
    let decisionTools: DecisionTools
    let similarCases: SimilarPatientCaseCache
    let settings: WebSettings
    let assets: WebAssets

    func respond(to route: WebRoute, _ web: WebRequest) async throws -> Response {
        switch route {
        case .home: return redirect(to: web.principal == nil ? "/sign-in" : landingPage(for: web))
        case .signIn: return signInPage(web)
        case .signInSubmit: return try await signIn(web)
        case .signOut: return try await signOut(web)
        case .asset: return try asset(web)
        case .sources: return try await sourcesPage(web)
        case .explore: return try await explorePage(web)
        case .exploreSave: return try await exploreSave(web)
        case .vocabulary: return try await vocabularyPage(web)
        case .concept: return try await conceptPage(web)
        case .conceptSets: return try await conceptSetsPage(web)
        case .conceptSetNew: return try await conceptSetNewPage(web)
        case .conceptSetCreate: return try await conceptSetCreate(web)
        case .conceptSet: return try await conceptSetPage(web)
        case .cohorts: return try await cohortsPage(web)
        case .cohortNew: return try await cohortNewPage(web)
        case .cohortCreate: return try await cohortCreate(web)
        case .cohortImport: return try await cohortImport(web)
        case .cohortPage: return try await cohortPage(web)
        case .cohortGenerate: return try await cohortGenerate(web)
        case .cohortDefinition: return try await cohortDefinition(web)
        case .analyses: return try await analysesPage(web)
        case .analysis: return try await analysisPage(web)
        case .studies: return try await studiesPage(web)
        case .study: return try await studyPage(web)
        case .decisionSupport: return try await decisionSupportPage(web)
        case .decisionTool: return try await decisionToolPage(web)
        case .decisionToolRun: return try await decisionToolRun(web)
        case .patientDecisionSupport: return try await patientDecisionSupport(web)
        case .audit: return try await auditPage(web)
        }
    }

    /// The first page of the navigation the user may open.
    func landingPage(for web: WebRequest) -> String {
        WebArea.allCases.compactMap(\.route).first { web.can($0.permission) }?.path ?? "/sign-in"
    }

    private func asset(_ web: WebRequest) throws -> Response {
        guard let asset = assets.files[try web.parameter("file")] else { throw HTTPError(.notFound, message: "no such file") }
        return Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(bytes: asset.data)))
    }
}
