import Foundation

/// Runs another program as a test's independent reference (Python lifelines, circe-be's SQL through psql):
/// the exit status, standard output, and standard error.
public enum ExternalProgram {
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    /// Runs `arguments` through `/usr/bin/env` (so `python3`, `psql` are found on PATH), feeding `input`.
    public static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      errors: String(decoding: errors, as: UTF8.self))
    }

    /// `run` on a thread of its own: waiting for a program must not hold one of Swift concurrency's few threads
    /// (two on a 2-core machine) while a server in the same process has to answer that program.
    public static func runDetached(_ arguments: [String], input: String? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Swift.Result { try run(arguments, input: input) }) }
        }
    }

    /// Whether a Python module imports, e.g. `lifelines`.
    public static func hasPythonModule(_ name: String) -> Bool {
        (try? run(["python3", "-c", "import \(name)"]).status) == 0
    }
}
