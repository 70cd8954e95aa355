/// Why a browser action failed: each names what was awaited or asked, so a failing UI test says where it stopped.
struct BrowserError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    static func timeout(_ what: String, _ duration: Duration) -> BrowserError {
        BrowserError("timed out after \(duration) waiting for \(what)")
    }
}
