import ArgumentParser
import Foundation

/// A CSV table of numbers read for `optima stats`: a header row, then values; quoted fields allowed. Errors
/// name the file, the line and the column.
struct NumericTable {
    let path: String
    let header: [String]
    let rows: [[String]]

    init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("\(path): cannot be read as UTF-8 text") }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map { Self.fields(String($0)) }
        guard let header = lines.first else { throw ValidationError("\(path): empty") }
        self.path = path
        self.header = header
        rows = Array(lines.dropFirst())
        if let bad = rows.firstIndex(where: { $0.count != header.count }) {
            throw ValidationError("\(path), line \(bad + 2): \(rows[bad].count) fields, the header has \(header.count)")
        }
    }

    /// The values of a column as numbers.
    func numbers(_ column: String) throws -> [Double] {
        guard let index = header.firstIndex(of: column) else {
            throw ValidationError("\(path): no column \"\(column)\" (columns: \(header.joined(separator: ", ")))")
        }
        return try rows.enumerated().map { line, row in
            guard let value = Double(row[index].trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(path), line \(line + 2), column \(column): \"\(row[index])\" is not a number")
            }
            return value
        }
    }

    /// The values of a column as labels (for strata).
    func labels(_ column: String) throws -> [String] {
        guard let index = header.firstIndex(of: column) else { throw ValidationError("\(path): no column \"\(column)\"") }
        return rows.map { $0[index] }
    }

    /// One line split on commas, honouring double-quoted fields with "" escapes.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previousWasQuote = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; previousWasQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if previousWasQuote { field.append("\"") }  // "" inside a quoted field
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            default:
                field.append(character)
            }
            previousWasQuote = false
        }
        fields.append(field)
        return fields
    }
}
