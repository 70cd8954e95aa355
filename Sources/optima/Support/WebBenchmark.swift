import ArgumentParser
import AsyncHTTPClient
import CDMStore
import Foundation
import Governance
import Logging
import NIOCore
import NIOHTTP1
import OptimaServer

/// Serves the web application on loopback over a database and opens every page as a signed-in administrator would,
/// several rounds: the server time of each page (its `Server-Timing` header) and the wall time the client saw.
struct WebBenchmark {
    struct PageTiming: Encodable {
        let page: String
        let status: Int
        /// The first request, before any cache is warm.
        let firstMilliseconds: Double
        let p50Milliseconds: Double
        let p95Milliseconds: Double
        let maxMilliseconds: Double
        /// What the client waited for, median, including HTTP on loopback.
        let wallP50Milliseconds: Double
    }

    let database: any Database
    let rounds: Int

    /// The pages opened, one of each kind, with the example cohorts' ids of `optima demo`; first `/api/me`, the baseline:
    /// the session, role check and audit entry every page pays, without any page work.
    static func pages(conceptID: Int64) -> [String] {
        [
            "/api/me", "/sources", "/explore", "/vocabulary?q=breast", "/vocabulary/concepts/\(conceptID)", "/concept-sets", "/cohorts", "/cohorts/new",
            "/cohorts/1", "/analyses", "/analyses/characterization?target=1&comparator=3", "/analyses/incidence?target=1&outcome=death",
            "/analyses/survival?cohort=1", "/analyses/cox?cohort=1&covariates=age", "/analyses/pathways?target=1&events=11&events=12&events=13",
            "/studies", "/decision-support", "/decision-support/prostate-risk", "/audit",
        ]
    }

    func run(progress: @escaping @Sendable (String) -> Void) async throws -> [PageTiming] {
        let account = "bench-web-\(UUID().uuidString.prefix(8))"
        try await database.addUser(Principal(name: account, role: .admin))
        do {
            let timings = try await measure(account: account, progress: progress)
            try await database.revokeUser(named: account)
            return timings
        } catch {
            try? await database.revokeUser(named: account)
            throw error
        }
    }

    private func measure(account: String, progress: @escaping @Sendable (String) -> Void) async throws -> [PageTiming] {
        let key = try await database.createAPIKey(for: account)
        let conceptID = try await database.query(
            "SELECT condition_concept_id AS id, COUNT(*) AS n FROM condition_occurrence GROUP BY condition_concept_id ORDER BY n DESC LIMIT 1"
        ).first?["id"].integerValue ?? 0
        let (boundPorts, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "optima.bench.web")
        logger.logLevel = .critical
        let app = try OptimaServer.makeApplication(
            database: database, security: try ServerSecurity(database: database, secrets: .generate()), port: 0, logger: logger,
            onServerRunning: { continuation.yield($0) })
        return try await withThrowingTaskGroup(of: [PageTiming]?.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []); return nil }
            var ports = boundPorts.makeAsyncIterator()
            guard let port = await ports.next() else { throw ValidationError("the web server did not start") }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            let timings: [PageTiming]
            do {
                timings = try await openPages(client, base: "http://127.0.0.1:\(port)", key: key, conceptID: conceptID, progress: progress)
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
            group.cancelAll()
            return timings
        }
    }

    /// Each page `rounds` times, signed in through the form.
    private func openPages(_ client: HTTPClient, base: String, key: String, conceptID: Int64,
                           progress: @escaping @Sendable (String) -> Void) async throws -> [PageTiming] {
        let cookie = try await signIn(client, base: base, key: key)
        var timings: [PageTiming] = []
        for page in Self.pages(conceptID: conceptID) {
            var server: [Double] = [], wall: [Double] = [], status = 0
            for _ in 0..<rounds {
                var request = HTTPClientRequest(url: base + page)
                request.headers.add(name: "Cookie", value: cookie)
                let started = ContinuousClock.now
                let response = try await client.execute(request, timeout: .seconds(120))
                _ = try await response.body.collect(upTo: 64 << 20)
                wall.append(Self.milliseconds(ContinuousClock.now - started))
                status = Int(response.status.code)
                server.append(Self.serverTime(response.headers))
            }
            let sorted = server.sorted()
            timings.append(PageTiming(page: page, status: status, firstMilliseconds: server[0], p50Milliseconds: Self.quantile(sorted, 0.5),
                                      p95Milliseconds: Self.quantile(sorted, 0.95), maxMilliseconds: sorted.last ?? 0,
                                      wallP50Milliseconds: Self.quantile(wall.sorted(), 0.5)))
            progress(page)
        }
        return timings
    }

    /// Signs in through the form, as a browser does, and returns the session cookie.
    private func signIn(_ client: HTTPClient, base: String, key: String) async throws -> String {
        let form = try await client.execute(HTTPClientRequest(url: base + "/sign-in"), timeout: .seconds(30))
        let formCookie = try Self.cookie(form.headers, name: "optima_signin")
        var request = HTTPClientRequest(url: base + "/sign-in")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Cookie", value: "optima_signin=\(formCookie)")
        let encodedKey = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? key
        request.body = .bytes(ByteBuffer(string: "_csrf=\(formCookie)&key=\(encodedKey)"))
        let response = try await client.execute(request, timeout: .seconds(30))
        return "optima_session=\(try Self.cookie(response.headers, name: "optima_session"))"
    }

    private static func cookie(_ headers: HTTPHeaders, name: String) throws -> String {
        for field in headers["Set-Cookie"] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return String(pair[1]) }
        }
        throw ValidationError("signing in to the web application failed (no \(name) cookie)")
    }

    private static func serverTime(_ headers: HTTPHeaders) -> Double {
        headers["Server-Timing"].first.flatMap { $0.split(separator: "=").last.flatMap { Double($0) } } ?? .nan
    }

    private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
