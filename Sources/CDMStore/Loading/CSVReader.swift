/// A streaming reader of delimited text files as OMOP tools write them.
///
/// Comma-separated files follow RFC 4180 (quoted fields, `""` escapes, newlines inside quotes);
/// tab-separated files (Athena vocabulary downloads) have no quoting, so a `"` is data there.
/// The delimiter is detected from the header line. Line endings may be LF or CRLF, mixed, and
/// the last line may lack one. Blank lines are skipped. Only one chunk and one record are held.
final class CSVReader {
    /// The fields of the current record, concatenated; field `i` spans `fieldRange(i)`.
    var record: [UInt8] = []
    var fieldEnds: [Int] = []
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

    /// - Parameter chunkSize: bytes read at a time; 1 MiB, smaller only in tests of chunk edges.
    init(source: ByteSource, fileName: String, chunkSize: Int = 1 << 20) throws {
        self.source = source
        self.fileName = fileName
        chunk = .allocate(capacity: chunkSize)
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

    /// Refills the chunk when it is used up; false at the end of the file.
    private func refillIfNeeded() throws -> Bool {
        if position < chunkCount { return true }
        chunkCount = try source.read(into: chunk)
        position = 0
        return chunkCount > 0
    }

    /// Reads the next record; false at the end of the file.
    ///
    /// Runs of ordinary bytes are found with a tight scan and appended in one go; the record and
    /// field arrays are worked on as locals so the loop pays no exclusivity checks.
    func next() throws -> Bool {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let delimiter = self.delimiter, quotes = self.quotes
        var record: [UInt8] = []
        var ends: [Int] = []
        swap(&record, &self.record)
        swap(&ends, &self.fieldEnds)
        defer {
            swap(&record, &self.record)
            swap(&ends, &self.fieldEnds)
        }
        while true {
            record.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            line = nextLine
            var fieldStart = 0
            var atFieldStart = true
            var inQuotes = false
            var sawQuotes = false
            while true {
                guard try refillIfNeeded() else {
                    if inQuotes {
                        throw ImportError(file: fileName, line: line, reason: "a quoted field is not closed before the end of the file")
                    }
                    if record.isEmpty && ends.isEmpty && !sawQuotes { return false }
                    ends.append(record.count)
                    return true
                }
                let base = UnsafePointer(chunk.baseAddress!)
                var index = position
                if inQuotes {
                    while index < chunkCount, base[index] != quote {
                        if base[index] == newline { nextLine += 1 }
                        index += 1
                    }
                    record.append(contentsOf: UnsafeBufferPointer(start: base + position, count: index - position))
                    position = index
                    if index == chunkCount { continue }
                    position += 1  // the closing (or first escaping) quote
                    if try refillIfNeeded(), chunk[position] == quote {
                        position += 1
                        record.append(quote)
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                while index < chunkCount {
                    let byte = base[index]
                    if byte == delimiter || byte == newline || byte == quote { break }
                    index += 1
                }
                if index > position {
                    record.append(contentsOf: UnsafeBufferPointer(start: base + position, count: index - position))
                    atFieldStart = false
                }
                position = index
                if index == chunkCount { continue }
                let byte = base[index]
                position += 1
                if byte == delimiter {
                    ends.append(record.count)
                    fieldStart = record.count
                    atFieldStart = true
                } else if byte == newline {
                    nextLine += 1
                    if record.count > fieldStart, record[record.count - 1] == carriageReturn { record.removeLast() }
                    if record.isEmpty && ends.isEmpty && !sawQuotes { break }  // blank line
                    ends.append(record.count)
                    return true
                } else if quotes && atFieldStart {
                    inQuotes = true
                    sawQuotes = true
                    atFieldStart = false
                } else {
                    record.append(byte)  // a quote inside a field, or any quote in a tab-separated file
                    atFieldStart = false
                }
            }
        }
    }
}
