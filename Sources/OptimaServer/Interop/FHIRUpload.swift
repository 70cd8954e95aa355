import Foundation
import Hummingbird

/// An uploaded FHIR body on disk. It is streamed buffer by buffer into `upload.ndjson` or `upload.json` in a
/// fresh temporary folder, so a large export never sits in memory and the import report names no server path.
struct FHIRUpload {
    /// The largest body accepted, in bytes (as sent: a gzip'd body counts compressed).
    static let byteLimit: Int64 = 1 << 30

    let folder: URL
    let file: URL
    let byteCount: Int64

    var name: String { file.lastPathComponent }

    /// The file name the importer reads the body under, by its media type: NDJSON or one JSON document.
    static func fileName(contentType: String?) throws -> String {
        let mediaType = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        switch mediaType {
        case "application/fhir+ndjson", "application/x-ndjson", "application/ndjson": return "upload.ndjson"
        case "application/fhir+json", "application/json": return "upload.json"
        default:
            throw HTTPError(.unsupportedMediaType, message: """
                Content-Type \(mediaType.isEmpty ? "missing" : mediaType): send NDJSON as application/fhir+ndjson or \
                application/x-ndjson, a Bundle or one resource as application/fhir+json or application/json
                """)
        }
    }

    /// Writes the request body to `name` in a new temporary folder; 413 as soon as it is larger than `limit`
    /// (before reading it, when its Content-Length says so). Nothing is left on disk when it throws.
    static func receive(_ request: Request, as name: String, limit: Int64 = byteLimit) async throws -> FHIRUpload {
        if let declared = request.headers[.contentLength].flatMap({ Int64($0) }), declared > limit {
            throw tooLarge(limit)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optima-upload-\(UUID().uuidString)", isDirectory: true)
        // Patient data: readable by the server's user only.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let file = folder.appendingPathComponent(name)
        do {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
            }
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            var byteCount: Int64 = 0
            for try await buffer in request.body {
                byteCount += Int64(buffer.readableBytes)
                guard byteCount <= limit else { throw tooLarge(limit) }
                try buffer.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
            }
            return FHIRUpload(folder: folder, file: file, byteCount: byteCount)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Deletes the file and its folder.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func tooLarge(_ limit: Int64) -> HTTPError {
        HTTPError(.contentTooLarge, message: "the upload is larger than \(limit.formatted(.byteCount(style: .binary))): split the export into several uploads")
    }
}
