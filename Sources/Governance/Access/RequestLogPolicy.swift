/// What a request log line may carry. Paths can hold identifiers (`/api/persons/123`), and query
/// strings can hold anything, so logs name the route's pattern, never the concrete path or query.
public enum RequestLogPolicy {
    /// The loggable form of a request target: its route pattern when known, else the path with
    /// every segment that contains a digit replaced by `:id`, and the query string dropped.
    public static func loggablePath(routePattern: String?, path: String) -> String {
        if let routePattern, !routePattern.isEmpty { return routePattern }
        let withoutQuery = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let segments = withoutQuery.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.contains(where: \.isNumber) ? ":id" : String(segment)
        }
        return segments.joined(separator: "/")
    }
}
