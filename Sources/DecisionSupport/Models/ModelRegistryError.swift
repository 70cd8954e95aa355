/// A registry or model error: a stable code and a message naming the model and what is wrong.
public struct ModelRegistryError: Error, Sendable, CustomStringConvertible, Equatable {
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
