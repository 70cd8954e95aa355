/// A pseudonymisation, consent or erasure request that cannot be carried out; never names a person.
public struct PrivacyError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
