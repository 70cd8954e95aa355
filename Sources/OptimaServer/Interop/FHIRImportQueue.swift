/// Runs FHIR imports one after the other, first come first served. An actor alone does not do it: it lets a
/// second call in while the first awaits the database, so the turn is handed over explicitly.
actor FHIRImportQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<Result: Sendable>(_ work: @Sendable () async throws -> Result) async throws -> Result {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer { handOver() }
        return try await work()
    }

    /// Wakes the next import, which then holds the turn; or frees it when nobody waits.
    private func handOver() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
