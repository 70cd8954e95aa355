import ArgumentParser
import Federation
import Foundation

extension NodeCommand {
    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new Ed25519 signing key (node or coordinator) and print its public key for the other side's allow-list.")

        @Option(help: "Where to write the key (base64 text, readable by its owner only); an existing file is not overwritten.")
        var out: String

        func run() throws {
            guard !FileManager.default.fileExists(atPath: out) else {
                throw ValidationError("\(out) exists: a signing key is not overwritten (remove it first if you mean to replace it)")
            }
            let key = SigningKey()
            try key.write(to: URL(fileURLWithPath: out))
            print(key.publicKeyBase64)
        }
    }
}
