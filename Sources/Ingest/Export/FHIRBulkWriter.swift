import Foundation

/// The files of one bulk export: a `<Type>.ndjson` per resource type, opened at its first resource, with counts.
/// A failed export removes what it wrote, so a folder never holds half an export that looks whole.
final class FHIRBulkWriter {
    let directory: String
    private var writers: [String: NDJSONFileWriter] = [:]
    private(set) var counts: [String: Int] = [:]
    private(set) var files: [String] = []

    init(directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FHIRExportError.cannotWrite(directory)
        }
        self.directory = directory
    }

    /// Appends a resource to its type's file; returns how many of that type are written now.
    func append(_ resource: JSONObject, as type: String) throws -> Int {
        let writer: NDJSONFileWriter
        if let open = writers[type] {
            writer = open
        } else {
            writer = try NDJSONFileWriter(path: (directory as NSString).appendingPathComponent("\(type).ndjson"))
            writers[type] = writer
            files.append(writer.path)
        }
        try writer.append(resource)
        let count = counts[type, default: 0] + 1
        counts[type] = count
        return count
    }

    func finish() throws -> FHIRExportSummary {
        for writer in writers.values { try writer.close() }
        writers = [:]
        return FHIRExportSummary(resourcesByType: counts, files: files)
    }

    /// Closes and deletes every file written.
    func discard() {
        for writer in writers.values { try? writer.close() }
        writers = [:]
        for file in files { try? FileManager.default.removeItem(atPath: file) }
    }
}
