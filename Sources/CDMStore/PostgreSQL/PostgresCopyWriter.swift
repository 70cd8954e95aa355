import Logging
import NIOCore
import OMOP
import PostgresNIO

/// Streams a table file into PostgreSQL with `COPY … FROM STDIN` in text format, a buffer of
/// about 1 MiB at a time, so memory stays flat whatever the file size.
struct PostgresCopyWriter {
    let table: CDMTable

    func copy(
        from reader: any RowSource, into connection: PostgresConnection, logger: Logger,
        progress: (@Sendable (String, Int) -> Void)?
    ) async throws -> Int {
        var count = 0
        // copyFrom quotes the names itself; CDM names are plain lower-case identifiers.
        try await connection.copyFrom(
            table: table.name, columns: table.fields.map(\.name), logger: logger
        ) { writer in
            var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
            var scratch = [UInt8](repeating: 0, count: 32)
            // Parsing runs ahead on its own thread; waiting for it is rare, as it reads
            // several times faster than the server copies.
            let rows = RowPipeline(reader: reader)
            defer { rows.cancel() }
            while try rows.next() {
                PostgresCopyWriter.append(rows.row, to: &buffer, scratch: &scratch)
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
                if rows.rowCount % 100_000 == 0 { progress?(table.name, rows.rowCount) }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
            progress?(table.name, rows.rowCount)
            count = rows.rowCount
        }
        return count
    }

    /// Appends one row in COPY text format: tab-separated, `\\N` for NULL, backslash escapes.
    static func append(_ row: ParsedRow, to buffer: inout ByteBuffer, scratch: inout [UInt8]) {
        let tab = UInt8(ascii: "\t"), backslash = UInt8(ascii: "\\")
        row.bytes.withUnsafeBufferPointer { bytes in
            scratch.withUnsafeMutableBufferPointer { scratch in
                let out = scratch.baseAddress!
                for index in 0..<row.count {
                    if index > 0 { buffer.writeInteger(tab) }
                    switch row.kinds[index] {
                    case .null:
                        buffer.writeInteger(backslash)
                        buffer.writeInteger(UInt8(ascii: "N"))
                    case .integer:
                        buffer.writeBytes(UnsafeBufferPointer(start: out, count: DateText.writeInteger(row.integers[index], into: out)))
                    case .float:
                        buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[row.ranges[index]]))
                    case .text:
                        appendEscaped(UnsafeBufferPointer(rebasing: bytes[row.ranges[index]]), to: &buffer)
                    case .date:
                        DateText.writeDate(daysSinceEpoch: Int(row.integers[index]), into: out)
                        buffer.writeBytes(UnsafeBufferPointer(start: out, count: 10))
                    case .datetime:
                        DateText.writeDateTime(secondsSinceEpoch: Int(row.integers[index]), into: out)
                        buffer.writeBytes(UnsafeBufferPointer(start: out, count: 19))
                    }
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Text as COPY reads it: backslash, tab, newline and carriage return escaped; runs of other
    /// bytes copied whole.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to buffer: inout ByteBuffer) {
        var runStart = 0
        for (offset, byte) in text.enumerated() {
            let escaped: UInt8
            switch byte {
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            default: continue
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: text[runStart..<offset]))
            buffer.writeInteger(UInt8(ascii: "\\"))
            buffer.writeInteger(escaped)
            runStart = offset + 1
        }
        buffer.writeBytes(UnsafeBufferPointer(rebasing: text[runStart...]))
    }
}
