import Foundation

/// Writes one resource per line to a file through a buffer of about a megabyte, so an export of any size
/// holds one buffer, never a table.
final class NDJSONFileWriter {
    static let flushSize = 1 << 20

    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or empties) the file.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw FHIRExportError.cannotWrite(path)
        }
        self.path = path
        self.handle = handle
        buffer.reserveCapacity(Self.flushSize + 64 * 1024)
    }

    func append(_ resource: JSONObject) throws {
        resource.write(to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw FHIRExportError.cannotWrite(path)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
