import CDMTestSupport
import Foundation
import Testing

/// `optima serve` over HTTPS, as an operator starts it: the certificate and key come from PEM files.
@Suite struct ServeCommandTests {
    let cli = CommandLineTests()

    @Test func servesHTTPSWithTheGivenCertificate() async throws {
        let folder = try TestDatabases.temporaryDirectory()
        let certificate = folder + "/cert.pem", key = folder + "/key.pem"
        let made = try ExternalProgram.run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate,
        ])
        try #require(made.status == 0, "openssl: \(made.errors)")
        let site = ["--db", folder + "/optima.sqlite", "--secrets", folder + "/site-secrets.json"]
        #expect(try cli.optima(["init"] + site).status == 0)
        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = GenerateCommandTests.executable
        server.arguments = ["serve", "--port", String(port), "--tls-cert", certificate, "--tls-key", key] + site
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var answer: ExternalProgram.Result?
        for _ in 0..<100 where answer?.status != 0 {
            try await Task.sleep(for: .milliseconds(200))
            // Verified against the certificate itself, by its name: a real TLS handshake, not `--insecure`.
            answer = try ExternalProgram.run(["curl", "-s", "--cacert", certificate, "--resolve", "localhost:\(port):127.0.0.1",
                                              "https://localhost:\(port)/health"])
        }
        #expect(answer?.output == #"{"status":"ok"}"#)
        let plain = try ExternalProgram.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health"])
        #expect(plain.output != "200", "the TLS port answered plain HTTP")
        let anonymous = try ExternalProgram.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", certificate,
                                                 "--resolve", "localhost:\(port):127.0.0.1", "https://localhost:\(port)/api/info"])
        #expect(anonymous.output == "401")
    }

    @Test func unusableTLSFilesAreClearErrors() throws {
        let folder = try TestDatabases.temporaryDirectory()
        let site = ["--db", folder + "/optima.sqlite", "--secrets", folder + "/site-secrets.json"]
        #expect(try cli.optima(["init"] + site).status == 0)
        let missing = try cli.optima(["serve", "--tls-cert", folder + "/nothing.pem", "--tls-key", folder + "/nothing.key"] + site)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nothing.pem"))
        let half = try cli.optima(["serve", "--tls-cert", folder + "/nothing.pem"] + site)
        #expect(half.status != 0)
        #expect(half.stderr.contains("--tls-cert and --tls-key go together"))
        let noSecrets = try cli.optima(["serve", "--db", folder + "/optima.sqlite", "--secrets", folder + "/absent.json"])
        #expect(noSecrets.status != 0)
        #expect(noSecrets.stderr.contains("absent.json"))
    }
}
