/// The logical id of an exported Patient, `person-<person_id>`, and back.
public enum FHIRPatientID {
    public static let prefix = "person-"

    /// The person_id of `person-<n>`; nil for any other id (a source identifier, say).
    public static func personID(_ id: String) -> Int64? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int64(id.dropFirst(prefix.count)).flatMap { $0 > 0 ? $0 : nil }
    }
}
