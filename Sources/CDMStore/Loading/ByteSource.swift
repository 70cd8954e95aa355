import CZlib
import Foundation

/// Reads a file as a stream of byte chunks, inflating it when it is gzip-compressed.
///
/// zlib's `gzread` passes uncompressed files through unchanged, so one reader serves `.csv`
/// and `.csv.gz` alike and memory stays at one chunk whatever the file size.
final class ByteSource {
    private let file: gzFile
    let path: String

    init(path: String) throws {
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
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        let count = gzread(file, buffer.baseAddress, UInt32(buffer.count))
        if count < 0 {
            var code: Int32 = 0
            var message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }  // zlib prefixes the path
            throw ImportError(file: (path as NSString).lastPathComponent, reason: "cannot be read: \(message)")
        }
        return Int(count)
    }
}
