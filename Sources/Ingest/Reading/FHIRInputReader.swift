import CDMStore
import Foundation

/// Reads FHIR resources one at a time from bulk-data NDJSON files and Synthea Bundles, in an order in
/// which references resolve (organizations and patients before the encounters and observations that
/// point at them).
///
/// NDJSON is streamed a chunk at a time; a Bundle is one document and is parsed whole.
public final class FHIRInputReader {
    /// The files this reader reads, in load order.
    public let files: [FHIRInputFile]
    /// Files found in a folder that are not read, with the reason (a bulk-export log, another extension).
    public let skippedFiles: [(path: String, reason: String)]
    /// Uncompressed bytes consumed so far, for progress and MB/s.
    public private(set) var bytesRead: Int64 = 0

    private let chunkSize: Int
    private var nextFileIndex = 0
    private var lines: NDJSONLineReader?
    private var currentFile = ""
    private var pending: [FHIRReadItem] = []
    private var pendingIndex = 0

    /// Paths are files or folders (a folder: its files ending .ndjson, .ndjson.gz, .json, .json.gz, not recursive;
    /// `.json` files beside NDJSON are bulk-export metadata and are skipped).
    /// Throws a clear error for a path that does not exist or a file with another extension given explicitly.
    public convenience init(paths: [String]) throws {
        try self.init(paths: paths, chunkSize: 1 << 20)
    }

    /// `chunkSize` is the NDJSON read size; tests make it small to cross chunk boundaries.
    init(paths: [String], chunkSize: Int) throws {
        let discovery = try FHIRInputDiscovery(paths: paths)
        files = discovery.files
        skippedFiles = discovery.skipped
        self.chunkSize = chunkSize
    }

    /// The next resource or malformed line; nil at the end of the last file.
    public func next() throws -> FHIRReadItem? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            }
            if let lines {
                if let item = try nextLine(from: lines) { return item }
                self.lines = nil
            }
            guard nextFileIndex < files.count else { return nil }
            let file = files[nextFileIndex]
            nextFileIndex += 1
            currentFile = file.name
            pending = []
            pendingIndex = 0
            switch file.kind {
            case .ndjson: lines = try NDJSONLineReader(path: file.path, chunkSize: chunkSize)
            case .bundle:
                let bundle = try Self.bundleItems(of: file, chunkSize: chunkSize)
                pending = bundle.items
                bytesRead += Int64(bundle.byteCount)
            }
        }
    }

    /// The next non-blank line of the current NDJSON file as an item.
    private func nextLine(from lines: NDJSONLineReader) throws -> FHIRReadItem? {
        while true {
            let outcome: FHIRReadItem?? = try lines.nextLine { line, consumed in
                bytesRead += Int64(consumed)
                if Self.isBlank(line) { return nil }
                let location = SourceLocation(file: currentFile, line: lines.lineNumber)
                do throws(JSONSyntaxError) {
                    return .resource(try JSONParser.parse(line), at: location, byteCount: line.count)
                } catch {
                    return .malformed(location, reason: error.description)
                }
            }
            guard let outcome else { return nil }  // the end of the file
            if let item = outcome { return item }  // else a blank line
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
