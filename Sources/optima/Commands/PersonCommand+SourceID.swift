import ArgumentParser
import Foundation
import Governance

extension PersonCommand {
    /// The `--source-id` of person and consent commands. The identifier is personal data: `-` reads it from
    /// standard input so it shows in no process list, and no command ever prints it back.
    struct SourceID: ParsableArguments {
        @Option(name: .customLong("source-id"),
                help: "The person's source identifier (as in person_source_value before import), or - to read it from standard input.")
        var value: String

        @OptionGroup var secrets: SiteSecretsOptions

        /// The identifier's pseudonyms under every site key, newest first.
        func candidates() throws -> [String] {
            let identifier = (value == "-" ? readLine(strippingNewline: true) ?? "" : value).trimmingCharacters(in: .whitespaces)
            guard !identifier.isEmpty else { throw ValidationError("--source-id: no identifier given") }
            return Pseudonymizer(secrets: try secrets.load()).candidates(identifier)
        }
    }
}
