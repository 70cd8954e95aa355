/// A streaming reader of delimited text files as OMOP tools write them.
///
/// Comma-separated files follow RFC 4180 (quoted fields, `""` escapes, newlines inside quotes);
/// tab-separated files (Athena vocabulary downloads) have no quoting, so a `"` is data there.
/// The delimiter is detected from the header line. Line endings may be LF or CRLF, mixed, and
/// the last line may lack one. Blank lines are skipped. Only one chunk and one record are held.
final class CSVReader {
    /// The fields of the current record, concatenated; field `i` spans `fieldRange(i)`.
    var record: [UInt8] = []
    private(set) var fieldEnds: [Int] = []
    /// The 1-based physical line on which the current record starts.
    private(set) var line = 0
    let delimiter: UInt8
    let fileName: String

    private let source: ByteSource
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var chunkCount = 0
    private var position = 0
    private var nextLine = 1
    private let quotes: Bool

    init(source: ByteSource, fileName: String) throws {
        self.source = source
        self.fileName = fileName
        chunk = .allocate(capacity: 1 << 20)
        chunkCount = try source.read(into: chunk)
        var header = chunk[0..<chunkCount].prefix { $0 != UInt8(ascii: "\n") }
        if header.first == 0xEF { header = header.dropFirst(3) }  // UTF-8 byte-order mark
        delimiter = header.contains(UInt8(ascii: "\t")) ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        quotes = delimiter == UInt8(ascii: ",")
        if chunkCount >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { position = 3 }
        record.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
    }

    deinit {
        chunk.deallocate()
    }

    var fieldCount: Int { fieldEnds.count }

    func fieldRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    func fieldString(_ index: Int) -> String {
        String(decoding: record[fieldRange(index)], as: UTF8.self)
    }

    private func nextByte() throws -> UInt8? {
        if position == chunkCount {
            chunkCount = try source.read(into: chunk)
            position = 0
            if chunkCount == 0 { return nil }
        }
        let byte = chunk[position]
        position += 1
        return byte
    }

    private func peekByte() throws -> UInt8? {
        if position == chunkCount {
            chunkCount = try source.read(into: chunk)
            position = 0
            if chunkCount == 0 { return nil }
        }
        return chunk[position]
    }

    /// Reads the next record; false at the end of the file.
    func next() throws -> Bool {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        while true {
            record.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            line = nextLine
            var fieldStart = 0
            var atFieldStart = true
            var inQuotes = false
            var sawQuotes = false
            while true {
                guard let byte = try nextByte() else {
                    if inQuotes {
                        throw ImportError(file: fileName, line: line, reason: "a quoted field is not closed before the end of the file")
                    }
                    if record.isEmpty && fieldEnds.isEmpty && !sawQuotes { return false }
                    fieldEnds.append(record.count)
                    return true
                }
                if inQuotes {
                    if byte == quote {
                        if try peekByte() == quote {
                            position += 1
                            record.append(quote)
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == newline { nextLine += 1 }
                        record.append(byte)
                    }
                    continue
                }
                if byte == delimiter {
                    fieldEnds.append(record.count)
                    fieldStart = record.count
                    atFieldStart = true
                } else if byte == newline {
                    nextLine += 1
                    if record.count > fieldStart, record[record.count - 1] == carriageReturn { record.removeLast() }
                    if record.isEmpty && fieldEnds.isEmpty && !sawQuotes { break }  // blank line
                    fieldEnds.append(record.count)
                    return true
                } else if byte == quote && quotes && atFieldStart {
                    inQuotes = true
                    sawQuotes = true
                    atFieldStart = false
                } else {
                    record.append(byte)
                    atFieldStart = false
                }
            }
        }
    }
}
