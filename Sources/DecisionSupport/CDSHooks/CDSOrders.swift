import Ingest

/// Reading draft orders: the names of what was ordered, as the EHR wrote them.
enum CDSOrders {
    /// The medication's text and coding displays (a MedicationRequest) or the code's (a ServiceRequest).
    static func drugNames(_ order: JSONValue) -> [String] {
        let concept = order["medicationCodeableConcept"] ?? order["code"]
        var names = [concept?["text"]?.string].compactMap { $0 }
        names += (concept?["coding"]?.elements ?? []).compactMap { $0["display"]?.string }
        if let display = order["medicationReference"]?["display"]?.string { names.append(display) }
        return names
    }
}
