import NIOSSL

/// The PEM files of `serve --tls-cert --tls-key`: paths only, so no key material passes through arguments.
public struct TLSFiles: Sendable {
    public let certificateChain: String
    public let privateKey: String

    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// A server TLS configuration (TLS 1.2 and later, NIOSSL's default ciphers).
    func configuration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do { chain = try NIOSSLCertificate.fromPEMFile(certificateChain) } catch {
            throw TLSFilesError(description: "cannot read the TLS certificate chain at \(certificateChain) (PEM expected)")
        }
        do { key = try NIOSSLPrivateKey(file: privateKey, format: .pem) } catch {
            throw TLSFilesError(description: "cannot read the TLS private key at \(privateKey) (PEM expected)")
        }
        guard !chain.isEmpty else { throw TLSFilesError(description: "\(certificateChain) holds no certificate") }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}

/// A certificate or key file that cannot be used; names the file, never its content.
public struct TLSFilesError: Error, CustomStringConvertible {
    public let description: String
}
