import Foundation

/// Output helpers: people get text on stdout, progress goes to stderr and only on a terminal.
enum Terminal {
    static func warn(_ line: String) {
        FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
    }

    /// A progress callback for imports, or nil when stderr is not a terminal.
    static func importProgress() -> (@Sendable (String, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { table, rows in
            FileHandle.standardError.write(Data("\r\u{1B}[K  \(table): \(rows.formatted()) rows".utf8))
        }
    }

    static func endProgress() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func printJSON(_ data: Data) {
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints a value as indented JSON with sorted keys, the form every `--json` of the command line uses.
    static func printJSON<Value: Encodable>(encoding value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        printJSON(try encoder.encode(value))
    }
}
