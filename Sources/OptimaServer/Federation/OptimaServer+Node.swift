import Federation
import Foundation
import Governance
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL

extension OptimaServer {
    /// The node (data station) server: `POST /federation/v1/announce` and `POST /federation/v1/steps` for callers
    /// with a bearer API key of a `node` account (permission `federate`), `GET /federation/v1/health` for anyone.
    /// HTTPS when the configuration names TLS files, mutual TLS when it names a client CA. Listens where the
    /// configuration says; `runService()` serves until SIGINT or SIGTERM.
    /// - Parameter onServerRunning: called with the bound port (the configuration may ask for port 0).
    public static func makeNodeApplication(
        service: NodeService, authenticator: Authenticator, logger: Logger = Logger(label: "optima.node"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let configuration = service.configuration
        let endpoints = NodeEndpoints(service: service, authenticator: authenticator, maximumBytes: configuration.maxRequestBytes)
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.get("/federation/v1/health") { _, _ in
            try JSONResponse.make(["status": "ok", "node": configuration.name])
        }
        router.post("/federation/v1/announce") { request, context in
            await endpoints.handle(request, context, action: "announce") { try await service.announce($0) }
        }
        router.post("/federation/v1/steps") { request, context in
            await endpoints.handle(request, context, action: "steps") { try await service.step($0) }
        }
        return Application(
            router: router,
            server: try configuration.tls.map { try .tls(.http1(), tlsConfiguration: nodeTLSConfiguration($0)) } ?? .http1(),
            configuration: .init(address: .hostname(configuration.listen.host, port: configuration.listen.port), serverName: "Optima node"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.listen.port) },
            logger: logger)
    }

    /// The node's certificate and key; with a client CA, clients must present a certificate it issued.
    static func nodeTLSConfiguration(_ tls: NodeConfiguration.TLS) throws -> TLSConfiguration {
        var configuration = try TLSFiles(certificateChain: tls.certificate, privateKey: tls.privateKey).configuration()
        if let clientCA = tls.clientCA {
            let authorities: [NIOSSLCertificate]
            do { authorities = try NIOSSLCertificate.fromPEMFile(clientCA) } catch {
                throw TLSFilesError(description: "cannot read the client CA certificate at \(clientCA) (PEM expected)")
            }
            configuration.trustRoots = .certificates(authorities)
            configuration.certificateVerification = .noHostnameVerification
        }
        return configuration
    }
}
