import Logging
import NIOCore
import OMOP
import PostgresNIO

/// Streams a table file into PostgreSQL with `COPY … FROM STDIN` in text format, a buffer of
/// about 1 MiB at a time, so memory stays flat whatever the file size.
struct PostgresCopyWriter {
    let table: CDMTable

    func copy(
        from reader: TableFileReader, into connection: PostgresConnection, logger: Logger,
        progress: (@Sendable (String, Int) -> Void)?
    ) async throws {
        // copyFrom quotes the names itself; CDM names are plain lower-case identifiers.
        try await connection.copyFrom(
            table: table.name, columns: table.fields.map(\.name), logger: logger
        ) { writer in
            var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
            var scratch = [UInt8](repeating: 0, count: 32)
            while try reader.next() {
                PostgresCopyWriter.append(reader.row, to: &buffer, scratch: &scratch)
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
                if reader.rowCount % 100_000 == 0 { progress?(table.name, reader.rowCount) }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
            progress?(table.name, reader.rowCount)
        }
    }

    /// Appends one row in COPY text format: tab-separated, `\N` for NULL, backslash escapes.
    static func append(_ row: ParsedRow, to buffer: inout ByteBuffer, scratch: inout [UInt8]) {
        let tab = UInt8(ascii: "\t"), backslash = UInt8(ascii: "\\")
        row.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<row.count {
                if index > 0 { buffer.writeInteger(tab) }
                switch row.kinds[index] {
                case .null:
                    buffer.writeInteger(backslash)
                    buffer.writeInteger(UInt8(ascii: "N"))
                case .integer:
                    buffer.writeString(String(row.integers[index]))
                case .float:
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[row.ranges[index]]))
                case .text:
                    for byte in UnsafeBufferPointer(rebasing: bytes[row.ranges[index]]) {
                        switch byte {
                        case backslash: buffer.writeInteger(backslash); buffer.writeInteger(backslash)
                        case tab: buffer.writeInteger(backslash); buffer.writeInteger(UInt8(ascii: "t"))
                        case UInt8(ascii: "\n"): buffer.writeInteger(backslash); buffer.writeInteger(UInt8(ascii: "n"))
                        case UInt8(ascii: "\r"): buffer.writeInteger(backslash); buffer.writeInteger(UInt8(ascii: "r"))
                        default: buffer.writeInteger(byte)
                        }
                    }
                case .date:
                    scratch.withUnsafeMutableBufferPointer { out in
                        DateText.writeDate(daysSinceEpoch: Int(row.integers[index]), into: out.baseAddress!)
                        buffer.writeBytes(UnsafeBufferPointer(rebasing: out[0..<10]))
                    }
                case .datetime:
                    scratch.withUnsafeMutableBufferPointer { out in
                        DateText.writeDateTime(secondsSinceEpoch: Int(row.integers[index]), into: out.baseAddress!)
                        buffer.writeBytes(UnsafeBufferPointer(rebasing: out[0..<19]))
                    }
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
