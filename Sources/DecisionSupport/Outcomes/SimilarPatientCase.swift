import OMOP
import Statistics

/// One person with the cancer as the matching reads them: what was recorded on the first diagnosis, the
/// treatment classes received in the window, and the follow-up. Stays inside the site: no id or date of it is
/// ever part of a result.
struct SimilarPatientCase: Sendable {
    let person: Int64
    /// Stage group 1–4 from the latest stage modifier linked to the diagnosis.
    var stage: Int?
    var gradeGroup: Int?
    /// Marker concept → status, from the latest measurement linked to the diagnosis.
    var markers: [Int64: MarkerStatus] = [:]
    var received: Set<TreatmentClass> = []
    /// Days from diagnosis to death (event) or to the end of observation (censored); nil when observation ends
    /// before the diagnosis or death is recorded before it.
    var followUp: SurvivalObservation?

    func matches(_ match: SimilarPatientsMatch) -> Bool {
        if let stage = match.stage, self.stage != stage { return false }
        if let band = match.gradeGroupBand, !(gradeGroup.map(band.contains) ?? false) { return false }
        return match.markers.allSatisfy { markers[$0.concept] == $0.status }
    }
}
