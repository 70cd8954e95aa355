import CDMStore
import CDMTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import OptimaServer

@Suite struct ServerTests {
    func withApp(_ body: @escaping @Sendable (SignedInClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            _ = try await db.importFolder(try ServerFixtures.folder(), kind: .omop)
            try await TestServer.make(db).test { client in try await body(client, db) }
        }
    }

    @Test func healthAnswersOK() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test func infoIsTheSameDocumentAsTheCommandLine() async throws {
        try await withApp { client, db in
            let expected = try await db.info().jsonData()
            try await client.execute(uri: "/api/info", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == expected)
                let decoded = try JSONDecoder().decode(CDMInfo.self, from: Data(buffer: response.body))
                #expect(decoded.tables["person"] == 1)
                #expect(decoded.tables.count == 39)
            }
        }
    }

    @Test func errorsAreStructuredJSON() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/api/no-such-thing?person=123", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let error = body?["error"] as? [String: Any]
                #expect(error?["status"] as? Int == 404)
                #expect(error?["message"] is String)
                #expect(error?["request_id"] is String)
            }
        }
    }

    /// Every route the router serves is in the OpenAPI document and declares a permission, and vice versa.
    @Test func openAPIDocumentListsExactlyTheRoutes() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            // The API's routes: every route but the web application's pages, which are HTML for people, not API.
            let pages = Set(WebRoute.allCases.map { "\($0.method.rawValue.lowercased()) \(OpenAPIDocument.openAPIPath(RouterPath($0.path).description))" })
            let served = Set(server.router.routes.map { "\($0.method.rawValue.lowercased()) \(OpenAPIDocument.openAPIPath($0.path.description))" })
                .subtracting(pages)
            try await server.test { client in
                try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                    let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    #expect(document["openapi"] as? String == "3.1.0")
                    let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
                    var documented: Set<String> = []
                    for (path, operations) in paths {
                        for (method, operation) in operations {
                            documented.insert("\(method) \(path)")
                            #expect(operation["x-optima-permission"] is String, "\(method) \(path) declares no permission")
                        }
                    }
                    #expect(documented == served)
                    #expect(served.contains("get /api/info"))
                }
            }
        }
    }

    @Test func metricsCountRequestsByRoutePattern() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/health", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("optima_http_requests_total"))
                #expect(text.contains(#"route="/health""#))
                #expect(text.contains("optima_http_request_duration_seconds"))
            }
        }
    }
}

enum ServerFixtures {
    static func folder() throws -> String {
        let directory = try TestDatabases.temporaryDirectory()
        try "person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n1,8532,1970,0,0\n"
            .write(toFile: directory + "/person.csv", atomically: true, encoding: .utf8)
        return directory
    }
}
