import Evidence
import Foundation
import Hummingbird
import Statistics

/// The analysis endpoints: settings in the body (none: the defaults), the governed result as JSON, or its
/// picture with `?format=svg`.
extension EndpointHandlers {
    /// Largest settings document accepted.
    static let maximumSettingsBytes = 1 << 20

    func analysis<Settings: Decodable, Result: Encodable>(
        _ request: Request, _ type: Settings.Type, picture: ((Result) -> String?)?, run: (Settings) async throws -> Result
    ) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maximumSettingsBytes)
        let settings: Settings
        // No body: the analysis's defaults, where it has them.
        let document = body.readableBytes == 0 ? Data("{}".utf8) : Data(buffer: body)
        do { settings = try AnalysisSettings.decode(type, from: document) } catch {
            throw HTTPError(.badRequest, message: "invalid settings: \(error)")
        }
        let result: Result
        do { result = try await run(settings) } catch let error as EvidenceError {
            throw HTTPError(.badRequest, message: error.description)
        } catch let error as StatisticsError {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
        guard request.uri.queryParameters.get("format") == "svg" else { return try JSONResponse.make(result) }
        guard let svg = picture?(result) else { throw HTTPError(.notFound, message: "this analysis has no picture") }
        return Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: svg)))
    }
}
