import Synchronization

/// The errors a page reported: uncaught exceptions, `console.error`, and the browser's own error entries
/// (Content-Security-Policy violations, failed loads). A UI test expects none.
final class ConsoleLog: Sendable {
    private let entries = Mutex<[String]>([])

    var errors: [String] { entries.withLock { $0 } }

    /// Records the event `method` of the page's session when it is an error.
    func record(_ method: String, _ params: JSValue) {
        let entry: String?
        switch method {
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"]
            let text = details?["exception"]?["description"]?.string ?? details?["text"]?.string ?? "an exception"
            entry = "uncaught \(text)\(Self.place(details?["url"]?.string, details?["lineNumber"]?.int))"
        case "Runtime.consoleAPICalled" where ["error", "assert"].contains(params["type"]?.string):
            let arguments = params["args"]?.array ?? []
            entry = "console.\(params["type"]?.string ?? "error"): "
                + arguments.map { $0["value"]?.string ?? $0["description"]?.string ?? $0["value"].map { "\($0)" } ?? "?" }.joined(separator: " ")
        case "Log.entryAdded" where params["entry"]?["level"]?.string == "error":
            let log = params["entry"]
            entry = "\(log?["source"]?.string ?? "browser"): \(log?["text"]?.string ?? "")\(Self.place(log?["url"]?.string, log?["lineNumber"]?.int))"
        default:
            entry = nil
        }
        if let entry { entries.withLock { $0.append(entry) } }
    }

    private static func place(_ url: String?, _ line: Int?) -> String {
        guard let url, !url.isEmpty else { return "" }
        return line.map { " (\(url):\($0 + 1))" } ?? " (\(url))"
    }
}
