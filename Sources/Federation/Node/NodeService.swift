import CDMStore
import Foundation
import Governance

/// A node (data station) answering coordinators: it opens their signed envelopes (allow-list, replay window),
/// keeps every announced study for its steward, answers steps of approved studies only — by hash, so a changed
/// document is a new study — and signs its replies. Every reply passes through `DisclosureGate`; every announce and
/// step, answered or refused, leaves an entry in the audit trail.
public actor NodeService {
    public nonisolated let database: any Database
    public nonisolated let configuration: NodeConfiguration
    /// The node's audit trail (shared with the HTTP layer, which records refused credentials in it).
    public nonisolated let audit: AuditLog
    private let signingKey: SigningKey
    private let replayGuard: ReplayGuard
    private var tablesReady = false
    /// Studies read from the announcement table, by hash.
    private var studies: [String: StudySpecification] = [:]
    /// Cohort generation per study hash, once.
    private var preparations: [String: Task<Void, any Error>] = [:]
    /// The X25519 masking key of each study (memory only: after a restart the study is announced again).
    /// Cohort reads kept between the rounds of a fit.
    let cache = NodeReadCache()
    private var maskingKeys: [String: MaskingKey] = [:]
    /// Study hash + masking round id → the length of the masked vector sent, for a later correction.
    private var maskedLengths: [String: Int] = [:]
    /// Study hash + masking round id → the dropped nodes a correction was answered for: one correction per round.
    private var corrections: [String: [String]] = [:]

    /// - Parameter now: the clock of the replay window (tests move it).
    public init(database: any Database, configuration: NodeConfiguration, signingKey: SigningKey,
                audit: AuditLog? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.configuration = configuration
        self.signingKey = signingKey
        self.audit = audit ?? AuditLog(database: database)
        replayGuard = ReplayGuard(now: now)
    }

    /// The node's Ed25519 public key (base64): what the coordinator's network file pins for this node.
    public nonisolated var publicKeyBase64: String { signingKey.publicKeyBase64 }

    /// A coordinator presents a study (the payload is the study document). Answers whether this node's steward
    /// approved this exact hash (pending names the command that approves it), with the node's masking key for the
    /// study; refused when the node is not among the study's nodes or an analysis type is not allowed here.
    public func announce(_ envelope: Data) async throws -> Data {
        var note = AuditNote()
        do {
            let announcement = try await answerAnnouncement(envelope, &note)
            note.facts.append("status \(announcement.status.rawValue)")
            try await record("federation announce", note, outcome: announcement.status == .refused ? .denied : .success)
            return try signingKey.seal(try Self.encode(announcement), signer: configuration.name)
        } catch {
            await recordFailure("federation announce", note, error)
            throw error
        }
    }

    /// A coordinator asks for one step of an analysis; the reply holds aggregates only.
    public func step(_ envelope: Data) async throws -> Data {
        var note = AuditNote()
        do {
            let reply = try await answerStep(envelope, &note)
            try await record("federation step", note, outcome: .success)
            return try signingKey.seal(try Self.encode(reply), signer: configuration.name)
        } catch {
            await recordFailure("federation step", note, error)
            throw error
        }
    }

    private func answerAnnouncement(_ envelope: Data, _ note: inout AuditNote) async throws -> StudyAnnouncement {
        let (coordinator, document) = try await open(envelope, &note)
        let study = try StudySpecification(document: document)
        note.resource = Self.resource(study.hash)
        try await prepareTables()
        try await database.recordAnnouncedStudy(study, announcedBy: coordinator)
        studies[study.hash] = study
        let key = maskingKey(for: study.hash)
        func answer(_ status: StudyAnnouncement.Status, _ reason: String?) -> StudyAnnouncement {
            StudyAnnouncement(node: configuration.name, studyHash: study.hash, status: status, reason: reason,
                              maskingKey: status == .approved ? key.publicKeyBase64 : nil)
        }
        guard study.nodes.contains(configuration.name) else {
            return answer(.refused, "node \(configuration.name) is not among the study's nodes (\(study.nodes.joined(separator: ", ")))")
        }
        let refusedTypes = study.analyses.filter { !configuration.allowedAnalyses.contains($0.type) }
        if !refusedTypes.isEmpty {
            return answer(.refused, "node \(configuration.name) does not answer "
                + refusedTypes.map { "\($0.id) (\($0.type.rawValue))" }.joined(separator: ", ") + " analyses (allowed_analyses)")
        }
        if configuration.autoApprove, try await !database.isStudyApproved(hash: study.hash) {
            try await database.approveStudy(hash: study.hash, approvedBy: "auto_approve of node \(configuration.name)")
        }
        guard try await database.isStudyApproved(hash: study.hash) else {
            return answer(.pending, "awaiting approval: optima node approve \(study.hash)")
        }
        try await prepare(study)
        return answer(.approved, nil)
    }

    /// The signer and payload of a coordinator's envelope; the auditor learns who signed it.
    func open(_ envelope: Data, _ note: inout AuditNote) async throws -> (signer: String, payload: Data) {
        if let claimed = try? JSONDecoder().decode(SignedEnvelope.self, from: envelope) {
            note.actor = "unverified:" + String(claimed.signer.filter { !$0.isNewline }.prefix(64))
        }
        let opened = try await replayGuard.open(envelope, trusting: configuration.coordinators)
        note.actor = opened.signer
        return opened
    }

    func prepareTables() async throws {
        guard !tablesReady else { return }
        try await database.createGovernanceSchema()
        try await database.createStudyApprovalTables()
        tablesReady = true
    }

    /// The study of an approved hash, from memory or the announcement table.
    func approvedStudy(hash: String) async throws -> StudySpecification {
        try await prepareTables()
        let known: StudySpecification?
        if let study = studies[hash] { known = study } else { known = try await database.announcedStudy(hash: hash) }
        guard let study = known else {
            throw FederationError("study-not-approved", "study \(hash.prefix(64)) was never announced to node \(configuration.name): announce it first")
        }
        studies[hash] = study
        guard try await database.isStudyApproved(hash: hash) else {
            throw FederationError("study-not-approved", "study \(hash) is not approved at node \(configuration.name): its steward runs optima node approve \(hash)")
        }
        return study
    }

    /// Generates the study's cohorts once per hash (concurrent steps wait for the same generation).
    func prepare(_ study: StudySpecification) async throws {
        let task: Task<Void, any Error>
        if let running = preparations[study.hash] { task = running } else {
            let computation = NodeComputation(database: database, study: study, guards: try await guards(for: study))
            task = Task { try await computation.prepare() }
            preparations[study.hash] = task
        }
        do { try await task.value } catch {
            preparations[study.hash] = nil
            throw error
        }
    }

    /// The node's guards with the study's stricter minimum cell count, and never below the site's own minimum.
    func guards(for study: StudySpecification) async throws -> DisclosureGuards {
        var guards = configuration.disclosure.applying(study.privacy)
        guards.minimumCellCount = max(guards.minimumCellCount, try await database.siteMinimumCellCount())
        return guards
    }

    func maskingKey(for hash: String) -> MaskingKey {
        if let key = maskingKeys[hash] { return key }
        let key = MaskingKey()
        maskingKeys[hash] = key
        return key
    }

    func rememberMaskedLength(_ length: Int, study: String, round: String) {
        maskedLengths[study + "|" + round] = length
    }

    func maskedLength(study: String, round: String) -> Int? {
        maskedLengths[study + "|" + round]
    }

    /// Records the dropped set a round's correction is answered for; refuses a second, different set.
    func claimCorrection(study: String, round: String, dropped: [String]) throws {
        let id = study + "|" + round, set = Array(Set(dropped)).sorted()
        if let earlier = corrections[id], earlier != set {
            throw FederationError("correction-refused", "node \(configuration.name) already corrected masking round \(round.prefix(80)) for "
                + "\(earlier.joined(separator: ", ")); a second correction for other nodes could unmask a node")
        }
        corrections[id] = set
    }

    static func resource(_ hash: String) -> String { "study " + String(hash.prefix(12)) }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }
}
