import CDMStore
import CDMTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite struct FHIRInputReaderTests {
    /// A fresh folder under the temporary directory with the given files.
    private func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fhir-input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (path as NSString).appendingPathComponent(name)))
        }
        return path
    }

    /// Compresses `name` in `folder` with the gzip tool, leaving `name.gz`.
    private func gzip(_ name: String, in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = [(folder as NSString).appendingPathComponent(name)]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    private func readAll(_ reader: FHIRInputReader) throws -> [FHIRReadItem] {
        var items: [FHIRReadItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    private func records(_ items: [FHIRReadItem]) -> [FHIRRecord] {
        items.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    private func malformed(_ items: [FHIRReadItem]) -> [(location: Ingest.SourceLocation, reason: String)] {
        items.compactMap { if case .malformed(let location, let reason) = $0 { (location, reason) } else { nil } }
    }

    private func resource(_ type: String, _ id: String) -> String {
        #"{"resourceType":"\#(type)","id":"\#(id)"}"#
    }

    @Test func ordersFilesSoReferencesResolveAndSkipsNonResources() throws {
        let path = try folder([
            "Observation.001.ndjson": resource("Observation", "o2"), "Observation.000.ndjson": resource("Observation", "o1"),
            "Patient.ndjson": resource("Patient", "p"), "Organization.ndjson": resource("Organization", "org"),
            "Zebra.ndjson": resource("Zebra", "z"), "Appointment.ndjson": resource("Appointment", "a"),
            "Encounter.ndjson": resource("Encounter", "e"), "log.ndjson": #"{"eventId":"kickoff"}"#,
            "README.md": "# export", "manifest.json": "{}",
        ])
        try gzip("Encounter.ndjson", in: path)
        let reader = try FHIRInputReader(paths: [path])
        #expect(reader.files.map(\.name) == [
            "Organization.ndjson", "Patient.ndjson", "Encounter.ndjson.gz", "Observation.000.ndjson",
            "Observation.001.ndjson", "Appointment.ndjson", "Zebra.ndjson",
        ])
        #expect(reader.files.allSatisfy { $0.kind == .ndjson && $0.size > 0 })
        let skipped = Dictionary(uniqueKeysWithValues: reader.skippedFiles.map { (($0.path as NSString).lastPathComponent, $0.reason) })
        #expect(skipped["log.ndjson"] == "a bulk-export log, not resources")
        #expect(skipped["README.md"]?.contains("not a FHIR input") == true)
        #expect(skipped["manifest.json"]?.contains("beside NDJSON") == true)
        let items = try readAll(reader)
        #expect(records(items).map(\.resource["id"]?.string) == ["org", "p", "e", "o1", "o2", "a", "z"])
        #expect(records(items).map(\.resourceType) == ["Organization", "Patient", "Encounter", "Observation", "Observation", "Appointment", "Zebra"])
    }

    @Test func numbersLinesAcrossCRLFBlankAndMalformedLines() throws {
        let lines = [
            resource("Condition", "c1"), "", "  ", #"{"resourceType":"Condition","id":"c2""#, "[1, 2]",
            #"{"id":"no-type"}"#, #"{"resourceType":7}"#, resource("Condition", "c3"),
        ]
        let path = try folder(["Condition.ndjson": lines.joined(separator: "\r\n") + "\r\n"])
        let reader = try FHIRInputReader(paths: [path])
        let items = try readAll(reader)
        #expect(records(items).map(\.location.description) == ["Condition.ndjson:1", "Condition.ndjson:8"])
        #expect(records(items).map(\.resource["id"]?.string) == ["c1", "c3"])
        #expect(records(items).first?.byteCount == lines[0].utf8.count)
        let problems = malformed(items)
        #expect(problems.map(\.location.line) == [4, 5, 6, 7])
        #expect(problems.allSatisfy { $0.location.entry == nil && $0.location.file == "Condition.ndjson" })
        #expect(problems[0].reason == "invalid JSON at byte 37: expected ',' or '}' after object member, found the end of the input")
        #expect(problems[1].reason == "a JSON array, not a FHIR resource (a JSON object)")
        #expect(problems[2].reason == "a JSON object without a string resourceType")
        #expect(problems[3].reason == "a JSON object without a string resourceType")
        #expect(reader.bytesRead == Int64(lines.joined(separator: "\r\n").utf8.count + 2))
    }

    @Test func readsLinesLongerThanTheChunkAndAcrossChunkBoundaries() throws {
        let long = String(repeating: "é long text ", count: 500)
        var lines: [String] = []
        for number in 1...40 {
            let note = number % 7 == 0 ? long : String(repeating: "x", count: number)
            lines.append(#"{"resourceType":"Observation","id":"o\#(number)","note":"\#(note)"}"#)
        }
        let text = lines.joined(separator: "\n")  // no newline after the last line
        let path = try folder(["Observation.ndjson": text])
        try gzip("Observation.ndjson", in: path)
        for chunkSize in [7, 64, 1 << 20] {
            let reader = try FHIRInputReader(paths: [path], chunkSize: chunkSize)
            let found = records(try readAll(reader))
            #expect(found.count == 40, "chunk \(chunkSize)")
            #expect(found.map(\.location.line) == Array(1...40))
            #expect(found[6].resource["note"]?.string == long)
            #expect(found.map(\.byteCount) == lines.map(\.utf8.count))
            #expect(reader.bytesRead == Int64(text.utf8.count))
        }
    }

    @Test func readsBundleEntriesAfterNDJSONWithSyntheaSharedBundlesFirst() throws {
        let patientBundle = #"""
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","id":"p1"}},
          {"fullUrl":"urn:uuid:e1","resource":{"resourceType":"Encounter","id":"e1"}},
          {"fullUrl":"urn:uuid:nothing"},
          {"resource":{"resourceType":"Condition","id":"c1"}}]}
        """#
        let path = try folder([
            "Aaron_Smith.json": patientBundle,
            "practitionerInformation1.json": #"{"resourceType":"Bundle","entry":[{"resource":\#(resource("Practitioner", "pr"))}]}"#,
            "hospitalInformation1.json": #"{"resourceType":"Bundle","entry":[{"resource":\#(resource("Organization", "h"))}]}"#,
            "Zed.json": resource("Patient", "single"),
            "broken.json": "[1, 2]",
        ])
        try gzip("Aaron_Smith.json", in: path)
        let other = try folder(["Patient.ndjson": resource("Patient", "nd")])
        let reader = try FHIRInputReader(paths: [path, (other as NSString).appendingPathComponent("Patient.ndjson")])
        #expect(reader.files.map(\.name) == [
            "Patient.ndjson", "hospitalInformation1.json", "practitionerInformation1.json", "Aaron_Smith.json.gz",
            "Zed.json", "broken.json",
        ])
        #expect(reader.files.map(\.kind) == [.ndjson, .bundle, .bundle, .bundle, .bundle, .bundle])
        let items = try readAll(reader)
        #expect(records(items).map(\.resource["id"]?.string) == ["nd", "h", "pr", "p1", "e1", "c1", "single"])
        #expect(records(items)[3].location == Ingest.SourceLocation(file: "Aaron_Smith.json.gz", line: 1, entry: 1))
        #expect(records(items)[5].location.description == "Aaron_Smith.json.gz entry 4")
        #expect(records(items)[5].byteCount == 0)
        let problems = malformed(items)
        #expect(problems.map(\.location.description) == ["Aaron_Smith.json.gz entry 3", "broken.json:1"])
        #expect(problems.map(\.reason) == ["a Bundle entry without a resource", "a JSON array, not a FHIR resource (a JSON object)"])
    }

    @Test func reportsMissingPathsAndUnreadableExtensions() throws {
        let missing = "/nonexistent/fhir/Patient.ndjson"
        #expect(throws: ImportError(file: missing, reason: "does not exist")) {
            try FHIRInputReader(paths: [missing])
        }
        let path = try folder(["notes.txt": "hello", "log.ndjson": "{}"])
        let text = (path as NSString).appendingPathComponent("notes.txt")
        #expect(throws: ImportError(file: text, reason: "is not a FHIR input file: expected .ndjson, .ndjson.gz, .json or .json.gz")) {
            try FHIRInputReader(paths: [text])
        }
        let reader = try FHIRInputReader(paths: [(path as NSString).appendingPathComponent("log.ndjson")])
        #expect(reader.files.isEmpty)
        #expect(reader.skippedFiles.map(\.reason) == ["a bulk-export log, not resources"])
        #expect(try reader.next() == nil)
    }

    @Test func reportsATruncatedGzipFileByName() throws {
        let lines = (1...2_000).map { resource("Observation", "o\($0)") + #",{"note":"\#(UUID().uuidString)"}"# }
        let path = try folder(["Observation.ndjson": lines.joined(separator: "\n")])
        try gzip("Observation.ndjson", in: path)
        let file = (path as NSString).appendingPathComponent("Observation.ndjson.gz")
        let compressed = try Data(contentsOf: URL(fileURLWithPath: file))
        try compressed.prefix(compressed.count / 2).write(to: URL(fileURLWithPath: file))
        let reader = try FHIRInputReader(paths: [file], chunkSize: 4_096)
        do {
            while try reader.next() != nil {}
            Issue.record("a truncated gzip file read to the end")
        } catch let error as ImportError {
            #expect(error.file == "Observation.ndjson.gz")
            #expect(error.reason.hasPrefix("cannot be read: "))
        }
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("fhir-synthea-oncology"), "\(ReferenceDatasets.skipReason)"))
    func countsTheOncologyExportAsItsExpectedFactsSay() throws {
        let folder = ReferenceDatasets.path("fhir-synthea-oncology")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
        let counts = try #require((expected as? [String: Any])?["resource_counts"] as? [String: Int])
        let reader = try FHIRInputReader(paths: [folder])
        #expect(reader.skippedFiles.map { ($0.path as NSString).lastPathComponent }.sorted() == ["README.md", "expected.json"])
        var found: [String: Int] = [:]
        var problems: [String] = []
        while let item = try reader.next() {
            switch item {
            case .record(let record): found[record.resourceType, default: 0] += 1
            case .malformed(let location, let reason): problems.append("\(location): \(reason)")
            }
        }
        #expect(problems.isEmpty)
        #expect(found == counts)
        #expect(reader.files.first?.name == "Organization.ndjson")
    }
}
