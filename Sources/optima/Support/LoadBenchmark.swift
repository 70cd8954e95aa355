import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `optima bench serve` and `optima bench cds`: a real `optima serve` process loaded by wrk, one target at a
/// time, with a throwaway service account whose token reaches wrk through a private script file, not its arguments.
struct LoadBenchmark {
    /// One URL to load: a GET, or a POST of a JSON body.
    struct Target {
        let path: String
        let body: String?

        init(_ path: String, body: String? = nil) {
            self.path = path
            self.body = body
        }

        /// The wrk script lines that send this target's request.
        var script: String {
            guard let body else { return "" }
            return "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [==[\(body)]==]\n"
        }
    }

    let database: String?
    let secretsPath: String
    let port: Int
    let connections: Int
    let seconds: Int
    /// The role of the service account the load signs in as.
    var role = "researcher"

    func run(targets: [Target], progress: (String) -> Void) async throws -> LoadBenchmarkReport {
        guard let wrk = Self.which("wrk") else { throw LoadBenchmarkError("wrk is not installed (Debian: apt-get install wrk)") }
        let account = "bench-\(Int(Date().timeIntervalSince1970))"
        _ = try optima(["user", "add", account, "--role", role, "--service"])
        defer { _ = try? optima(["user", "revoke", account]) }
        let token = try optima(["token", "issue", "--user", account, "--expires", "2h", "--secrets", secretsPath])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try startServer()
        defer { server.terminate(); server.waitUntilExit() }
        try await waitForHealth()
        let script = NSTemporaryDirectory() + "optima-bench-\(UUID().uuidString).lua"
        defer { try? FileManager.default.removeItem(atPath: script) }
        var results: [LoadBenchmarkReport.Target] = []
        for target in targets {
            guard FileManager.default.createFile(atPath: script, contents: Data("wrk.headers[\"Authorization\"] = \"Bearer \(token)\"\n\(target.script)".utf8),
                                                 attributes: [.posixPermissions: 0o600]) else { throw LoadBenchmarkError("cannot write the wrk script \(script)") }
            progress("wrk: \(connections) connections on \(target.body == nil ? "GET" : "POST") \(target.path) for \(seconds) s ...")
            let output = try Self.capture(wrk, ["-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script,
                                                "http://127.0.0.1:\(port)\(target.path)"])
            results.append(try LoadBenchmarkReport.Target(path: target.path, wrkOutput: output))
        }
        return LoadBenchmarkReport(connections: connections, seconds: seconds, results: results)
    }

    /// Runs this `optima` on the same database; its stdout.
    private func optima(_ arguments: [String]) throws -> String {
        try Self.capture(Self.executable, arguments + databaseArguments)
    }

    private var databaseArguments: [String] {
        database.map { ["--db", $0] } ?? []
    }

    private func startServer() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--port", String(port), "--secrets", secretsPath] + databaseArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func waitForHealth() async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/health")!
        for _ in 0..<100 {
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw LoadBenchmarkError("the server did not answer /health on port \(port) within 20 s")
    }

    static var executable: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    static func which(_ program: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to completion; its stdout, or an error with its stderr.
    static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LoadBenchmarkError("\((executable as NSString).lastPathComponent) \(arguments.first ?? "") failed: \(errorText.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct LoadBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
