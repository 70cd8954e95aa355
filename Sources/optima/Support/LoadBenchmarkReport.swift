import Foundation

/// What `optima bench serve` measured: per target, throughput, latency percentiles and errors; and the cost
/// of authentication + audit per request against the public baseline.
struct LoadBenchmarkReport: Encodable {
    struct Target: Encodable {
        let path: String
        let requests: Int
        let requestsPerSecond: Double
        let p50Milliseconds: Double
        let p99Milliseconds: Double
        /// Non-2xx answers, socket errors and timeouts.
        let errors: Int

        /// Reads wrk's `--latency` report.
        init(path: String, wrkOutput output: String) throws {
            self.path = path
            func number(after label: String) -> Double? {
                guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }) else { return nil }
                return Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(label.split(separator: " ").count).first ?? "")
            }
            func latency(_ percentile: String) throws -> Double {
                guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(percentile + " ") }),
                      let text = line.split(separator: " ", omittingEmptySubsequences: true).last else {
                    throw LoadBenchmarkError("wrk printed no \(percentile) latency for \(path)")
                }
                let units: [(String, Double)] = [("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000)]
                for (unit, factor) in units where text.hasSuffix(unit) {
                    if let value = Double(text.dropLast(unit.count)) { return value * factor }
                }
                throw LoadBenchmarkError("cannot read wrk latency \(text)")
            }
            guard let rate = number(after: "Requests/sec:") else { throw LoadBenchmarkError("wrk printed no Requests/sec for \(path)") }
            requestsPerSecond = rate
            requests = output.split(separator: "\n").first { $0.contains("requests in") }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } ?? 0
            p50Milliseconds = try latency("50%")
            p99Milliseconds = try latency("99%")
            let non2xx = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
            let socket = output.split(separator: "\n").first { $0.contains("Socket errors:") }.map { line in
                line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
            } ?? 0
            errors = non2xx + socket
        }
    }

    let connections: Int
    let seconds: Int
    let results: [Target]

    /// CPU-bound cost of auth + audit: time per request of /api/me minus that of /health, at saturation.
    var authAndAuditMicroseconds: Double? {
        guard let baseline = results.first(where: { $0.path == "/health" }), let me = results.first(where: { $0.path == "/api/me" }),
              baseline.requestsPerSecond > 0, me.requestsPerSecond > 0 else { return nil }
        return (1 / me.requestsPerSecond - 1 / baseline.requestsPerSecond) * 1e6
    }

    var summary: String {
        var lines = ["target                 requests   req/s      p50 ms   p99 ms   errors"]
        for result in results {
            lines.append(result.path.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %9d %9.0f %9.2f %8.2f %8d", result.requests, result.requestsPerSecond,
                         result.p50Milliseconds, result.p99Milliseconds, result.errors))
        }
        if let cost = authAndAuditMicroseconds {
            lines.append(String(format: "auth + audit: %.0f µs of server time per request (/api/me against /health), %d connections, %d s each",
                                cost, connections, seconds))
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey { case connections, seconds, results, authAndAuditMicroseconds = "auth_and_audit_microseconds" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(connections, forKey: .connections)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(results, forKey: .results)
        try container.encodeIfPresent(authAndAuditMicroseconds, forKey: .authAndAuditMicroseconds)
    }
}
