import Foundation
import Ingest

/// Answers CDS Hooks invocations: reads the patient's facts from the prefetch (or, failing that, from Optima's
/// own store through `heldFacts`), runs the tools for the patient's cancer and writes cards. Optima does not
/// call back to the EHR's FHIR server: the data it needs is named in the prefetch templates, so a call without
/// prefetch for a patient Optima does not hold gets 412.
public struct CDSHooksService: Sendable {
    /// Facts of a patient held in Optima's store, by the `context.patientId` the EHR sent; nil when not held.
    public typealias HeldFacts = @Sendable (String) async throws -> PatientFacts?
    /// Outcomes of similar patients in Optima's store, for a `patient-view` card; nil when none can be shown.
    public typealias SimilarOutcomes = @Sendable (PatientFacts) async throws -> SimilarPatientsOutcome?

    public let tools: DecisionTools

    public init(tools: DecisionTools) {
        self.tools = tools
    }

    public func respond(serviceID: String, body: JSONValue, heldFacts: HeldFacts,
                        similarOutcomes: SimilarOutcomes? = nil) async throws -> CDSResponse {
        let service = try CDSService.named(serviceID)
        let request = try CDSRequest(json: body, for: service)
        let facts = try await facts(for: request, heldFacts: heldFacts)
        switch service.hook {
        case "order-select":
            return CDSResponse(cards: orderCards(request, facts))
        default:
            var cards = CDSCards.patientView(tools.evaluateAll(facts))
            if let similarOutcomes, facts.cancer != nil, let outcome = try await similarOutcomes(facts) {
                cards.append(CDSCards.similarPatients(outcome))
            }
            return CDSResponse(cards: cards)
        }
    }

    private func facts(for request: CDSRequest, heldFacts: HeldFacts) async throws -> PatientFacts {
        let resources = request.prefetch.map(FHIRFacts.resources(fromPrefetch:)) ?? []
        if resources.contains(where: { $0["resourceType"]?.string == "Patient" }) {
            do {
                return try FHIRFacts.patientFacts(from: resources)
            } catch {
                throw CDSHooksError.badRequest("prefetch: \(error.description)")
            }
        }
        if let facts = try await heldFacts(request.patientID) { return facts }
        throw CDSHooksError.preconditionFailed(
            "no prefetch with the Patient and Optima holds no patient under context.patientId: send the prefetch of the discovery document")
    }

    /// `order-select`: a warning when a selected draft order goes against the biomarker table.
    private func orderCards(_ request: CDSRequest, _ facts: PatientFacts) -> [CDSCard] {
        let selected = (request.draftOrders?["entry"]?.elements ?? []).compactMap(\.["resource"]).filter { resource in
            guard let type = resource["resourceType"]?.string, let id = resource["id"]?.string else { return false }
            return request.selections.contains("\(type)/\(id)")
        }
        let names = selected.flatMap(CDSOrders.drugNames)
        guard !names.isEmpty, let check = tools.lungTherapy.check(orderedDrugs: names, facts: facts) else { return [] }
        return [CDSCards.orderWarning(check, replacing: selected, patientID: request.patientID)]
    }
}
