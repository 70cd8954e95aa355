import Foundation
import Hummingbird
import Logging

/// Serves a router on 127.0.0.1 at a port the system picks, for a browser to load over real HTTP.
enum LoopbackServer {
    /// Runs `body` with the server's base URL (`http://127.0.0.1:PORT`); the server stops after it.
    static func with<Builder: HTTPResponderBuilder, Result: Sendable>(
        _ router: Builder, _ body: (String) async throws -> Result
    ) async throws -> Result where Builder.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        var logger = Logger(label: "optima.browser-test")
        logger.logLevel = .critical
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { announce.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let server = Task {
            defer { announce.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            let failure = await server.result
            throw BrowserError("the loopback server did not start: \(failure)")
        }
        let result = try await body("http://127.0.0.1:\(port)")
        server.cancel()
        _ = await server.result
        return result
    }
}
