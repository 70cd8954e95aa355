import CZlib
import Foundation

/// Reads a file as a stream of byte chunks, inflating it when it is gzip-compressed.
///
/// zlib's `gzread` passes uncompressed files through unchanged, so one reader serves `.csv`
/// and `.csv.gz` alike and memory stays at one chunk whatever the file size.
public final class ByteSource {
    private let file: gzFile
    public let path: String

    public init(path: String) throws {
        guard let file = gzopen(path, "rb") else {
            throw ImportError(file: path, reason: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        gzbuffer(file, 1 << 20)
        self.file = file
        self.path = path
    }

    deinit {
        gzclose(file)
    }

    /// Fills `buffer` from the start; returns the number of bytes read, 0 at the end of the file.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        let count = gzread(file, buffer.baseAddress, UInt32(buffer.count))
        var code: Int32 = 0
        // A gzip stream cut short also ends in 0 bytes, but with Z_BUF_ERROR: that is a damaged file, not its end.
        if count < 0 || (count == 0 && gzerror(file, &code) != nil && code == Z_BUF_ERROR) {
            var message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }  // zlib prefixes the path
            throw ImportError(file: (path as NSString).lastPathComponent, reason: "cannot be read: \(message)")
        }
        return Int(count)
    }
}
