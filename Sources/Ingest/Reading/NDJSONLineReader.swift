import CDMStore
import Foundation

/// The lines of one NDJSON file, read a chunk at a time so memory stays flat whatever the file size.
///
/// A line inside the chunk is handed out in place; one that crosses a chunk boundary (or is longer than
/// a chunk) is gathered in a carry buffer that grows as needed.
final class NDJSONLineReader {
    private let source: ByteSource
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var carry: [UInt8] = []
    private var atEnd = false
    /// The number of the line last handed out, 1-based.
    private(set) var lineNumber = 0

    init(path: String, chunkSize: Int) throws {
        source = try ByteSource(path: path)
        chunk = .allocate(capacity: chunkSize)
    }

    deinit {
        chunk.deallocate()
    }

    /// Calls `body` with the next line, without its `\n` or `\r\n`, and the bytes it took in the file
    /// (terminator included); nil at the end of the file.
    func nextLine<Result>(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Result) throws -> Result? {
        carry.removeAll(keepingCapacity: true)
        var carrying = false
        while true {
            if start < end, let base = chunk.baseAddress {
                if let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) {
                    let newlineIndex = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    let piece = UnsafeBufferPointer(rebasing: chunk[start..<newlineIndex])
                    start = newlineIndex + 1
                    lineNumber += 1
                    guard carrying else { return try body(Self.trimmingCR(piece), piece.count + 1) }
                    carry.append(contentsOf: piece)
                    return try carry.withUnsafeBufferPointer { try body(Self.trimmingCR($0), $0.count + 1) }
                }
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
                carrying = true
                start = end
            }
            if atEnd { break }
            end = try source.read(into: chunk)
            start = 0
            atEnd = end == 0
        }
        guard !carry.isEmpty else { return nil }
        // The last line, without a newline after it.
        lineNumber += 1
        return try carry.withUnsafeBufferPointer { try body(Self.trimmingCR($0), $0.count) }
    }

    private static func trimmingCR(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard line.last == UInt8(ascii: "\r") else { return line }
        return UnsafeBufferPointer(rebasing: line.dropLast())
    }
}
