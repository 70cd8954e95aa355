import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Synthetic
import Testing

@testable import OptimaServer

/// `POST /api/fhir/import` as a data steward uses it: an export uploaded as NDJSON is imported with the site's
/// keys and answered with the mapping report, which names the upload, never a server path or a patient.
@Suite struct FHIRUploadEndpointTests {
    static let ndjson: HTTPFields = [.contentType: "application/fhir+ndjson"]

    static let patients = [
        #"{"resourceType":"Patient","id":"upload-p1","gender":"female","birthDate":"1961-04-02"}"#,
        #"{"resourceType":"Patient","id":"upload-p2","gender":"male","birthDate":"1955-11-20"}"#,
    ]
    static let condition = #"{"resourceType":"Condition","id":"upload-c1","subject":{"reference":"Patient/upload-p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2020-02-03"}"#

    static func body(_ lines: [String]) -> ByteBuffer { ByteBuffer(string: lines.joined(separator: "\n") + "\n") }

    static func report(_ response: TestResponse) throws -> FHIRImportReport {
        try JSONDecoder().decode(FHIRImportReport.self, from: Data(buffer: response.body))
    }

    /// The message of a JSON error answer.
    static func message(_ response: TestResponse) throws -> String {
        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
        return try #require(body?["error"]?["message"] as? String)
    }

    static func count(_ table: String, _ db: any Database) async throws -> Int64 {
        try await db.query("SELECT COUNT(*) AS n FROM \(table)").first?["n"].integerValue ?? -1
    }

    @Test(arguments: TestDatabases.backends)
    func aDataStewardUploadsAnExportAndAgainChangesNothing(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.installOncologyVocabulary()
            let upload = Self.body(Self.patients + [Self.condition])
            try await server.test(as: .dataSteward) { client in
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: upload) { response in
                    #expect(response.status == .ok)
                    let report = try Self.report(response)
                    #expect(report.resourcesRead == 3 && report.resourcesWritten == 3 && report.resourcesRejected == 0)
                    #expect(report.resources["Patient"]?.written == 2 && report.resources["Condition"]?.written == 1)
                    #expect(report.files == ["upload.ndjson"])
                    let text = String(buffer: response.body)
                    #expect(!text.contains("optima-upload") && !text.contains("upload-p1"))
                }
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: upload) { response in
                    #expect(response.status == .ok)
                    let report = try Self.report(response)
                    #expect(report.resourcesRead == 3 && report.resourcesWritten == 0)
                    #expect(report.resources.values.map { $0.skipped["already imported"] ?? 0 }.reduce(0, +) == 3, "\(report.resources)")
                }
            }
            #expect(try await Self.count("person", db) == 2)
            #expect(try await Self.count("condition_occurrence", db) == 1)
            let concept = try await db.query("SELECT condition_concept_id FROM condition_occurrence").first?["condition_concept_id"].integerValue
            #expect(concept != nil && concept != 0)

            let entries = try await db.auditEntries()
            #expect(entries.filter { $0.event.action == "POST /api/fhir/import" }.map(\.event.outcome) == [.success, .success])
            let imports = entries.filter { $0.event.action == "import fhir" }
            #expect(imports.map(\.event.detail) == ["resources read 3, written 3, rejected 0", "resources read 3, written 0, rejected 0"])
            #expect(imports.map(\.event.outcome) == [.success, .unchanged])
            #expect(imports.allSatisfy { $0.event.actor == "test-data-steward" && $0.event.purpose == .dataManagement })
            #expect(try await db.verifyAuditChain().isIntact)
        }
    }

    @Test func aMalformedLineIsRejectedAtItsPositionInTheUpload() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.installOncologyVocabulary()
            let lines = [Self.patients[0], #"{"resourceType":"Patient","id":"broken""#, Self.condition]
            try await server.test(as: .admin) { client in
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: [.contentType: "application/x-ndjson; charset=utf-8"],
                                         body: Self.body(lines)) { response in
                    #expect(response.status == .ok)
                    let report = try Self.report(response)
                    #expect(report.rejections.map(\.location) == ["upload.ndjson:2"])
                    #expect(report.resourcesRead == 3 && report.resourcesWritten == 2 && report.resourcesRejected == 1)
                }
            }
        }
    }

    @Test func aBundleUploadsAsJSON() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.installOncologyVocabulary()
            let bundle = #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":\#(Self.patients[1])},{"resource":{"resourceType":"Condition","id":"c-x","code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2020-02-03"}}]}"#
            let tokens = server.tokens
            // In process: over a live connection the test client gives up after 20 s, which a loaded CI machine
            // can exceed; streaming in buffers is covered by `anUploadIsStreamedToAFileUpToTheLimit`.
            try await Application(router: server.router).test(.router) { router in
                let client = SignedInClient(client: router, tokens: tokens, role: .dataSteward)
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: [.contentType: "application/fhir+json"],
                                         body: ByteBuffer(string: bundle)) { response in
                    #expect(response.status == .ok)
                    let report = try Self.report(response)
                    #expect(report.files == ["upload.json"])
                    #expect(report.resources["Patient"]?.written == 1)
                    #expect(report.rejections.map(\.location) == ["upload.json entry 2"])
                }
            }
            #expect(try await Self.count("person", db) == 1)
        }
    }

    @Test func aGzippedUploadIsInflatedAndACutOneRefused() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        let file = (folder as NSString).appendingPathComponent("export.ndjson")
        try Data(buffer: Self.body(Self.patients)).write(to: URL(fileURLWithPath: file))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", file]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try Data(contentsOf: URL(fileURLWithPath: file + ".gz"))
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.installOncologyVocabulary()
            try await server.test(as: .dataSteward) { client in
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: ByteBuffer(bytes: compressed)) { response in
                    #expect(response.status == .ok)
                    let report = try Self.report(response)
                    #expect(report.resources["Patient"]?.written == 2)
                }
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson,
                                         body: ByteBuffer(bytes: compressed.prefix(compressed.count / 2))) { response in
                    #expect(response.status == .badRequest)
                    let message = try Self.message(response)
                    #expect(message.hasPrefix("upload.ndjson: cannot be read"), "\(message)")
                }
            }
        }
    }

    @Test func refusesWhoMayNotImportAndWhatIsNotFHIR() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.installOncologyVocabulary()
            let upload = Self.body(Self.patients)
            try await server.test(as: .dataSteward) { client in
                try await client.as(.researcher).execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: upload) { response in
                    #expect(response.status == .forbidden)
                    let message = try Self.message(response)
                    #expect(message.contains("import-data"))
                }
                try await client.as(nil).execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: upload) { response in
                    #expect(response.status == .unauthorized)
                }
                for contentType in ["text/csv", nil] {
                    var headers: HTTPFields = [:]
                    if let contentType { headers[.contentType] = contentType }
                    try await client.execute(uri: "/api/fhir/import", method: .post, headers: headers, body: upload) { response in
                        #expect(response.status == .unsupportedMediaType, "\(contentType ?? "none")")
                        let message = try Self.message(response)
                        #expect(message.contains("application/fhir+ndjson"))
                    }
                }
                try await client.execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: ByteBuffer()) { response in
                    #expect(response.status == .badRequest)
                    let message = try Self.message(response)
                    #expect(message.contains("the body is empty"))
                }
            }
            #expect(try await Self.count("person", db) == 0)
            let outcomes = try await db.auditEntries().filter { $0.event.action == "POST /api/fhir/import" }.map(\.event.outcome)
            #expect(outcomes == [.denied, .denied, .failed, .failed, .failed])
        }
    }

    @Test func answers409WithoutAVocabulary() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            try await server.test(as: .dataSteward) { client in
                for _ in 0..<2 {
                    try await client.execute(uri: "/api/fhir/import", method: .post, headers: Self.ndjson, body: Self.body(Self.patients)) { response in
                        #expect(response.status == .conflict)
                        let message = try Self.message(response)
                        #expect(message.contains("the database has no vocabulary: run `optima import vocabulary`"))
                    }
                    if try await !db.hasSchema() { try await db.createSchema() }  // a schema without concepts is no better
                }
            }
            #expect(try await Self.count("person", db) == 0)
        }
    }

    @Test func anUploadIsStreamedToAFileUpToTheLimit() async throws {
        let chunks = ["{\"a\":1}\n", "{\"b\":2}\n", "{\"c\":3}\n"].map { ByteBuffer(string: $0) }
        func request(_ headers: HTTPFields = [:]) -> Request {
            Request(head: HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/api/fhir/import", headerFields: headers),
                    body: RequestBody(asyncSequence: AsyncStream { stream in
                        chunks.forEach { stream.yield($0) }
                        stream.finish()
                    }))
        }
        let upload = try await FHIRUpload.receive(request(), as: "upload.ndjson", limit: 24)
        #expect(upload.byteCount == 24 && upload.name == "upload.ndjson")
        #expect(try String(contentsOf: upload.file, encoding: .utf8) == "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n")
        upload.remove()
        #expect(!FileManager.default.fileExists(atPath: upload.folder.path))

        for (headers, limit) in [([:], 23), ([.contentLength: "2000000000"], 1 << 30)] as [(HTTPFields, Int64)] {
            let error = await #expect(throws: HTTPError.self) { try await FHIRUpload.receive(request(headers), as: "upload.ndjson", limit: limit) }
            #expect(error?.status == .contentTooLarge && error?.body?.contains("larger than") == true)
        }
    }

    @Test func importsRunOneAtATime() async throws {
        let queue = FHIRImportQueue()
        let tracker = Tracker()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    try await queue.run {
                        await tracker.enter()
                        try await Task.sleep(for: .milliseconds(20))
                        await tracker.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await tracker.finished == 5)
        #expect(await tracker.mostAtOnce == 1)
    }

    actor Tracker {
        private var running = 0
        private(set) var mostAtOnce = 0
        private(set) var finished = 0

        func enter() {
            running += 1
            mostAtOnce = max(mostAtOnce, running)
        }

        func leave() {
            running -= 1
            finished += 1
        }
    }
}
