import CDMStore
import Foundation
import Governance

/// A node's per-study ε budget. `optima_privacy_budget` holds the running total per study; `optima_privacy_spend`
/// keeps one row per granted spend (when, how much, the total after it), which is also how a spender learns, after
/// its transaction, whether it was the one granted.
extension Database {
    /// Spends `epsilon` of the study's budget `total` atomically and returns the total spent and what is left.
    /// Throws `FederationError("budget-spent", …)` without spending when the spend would exceed the total.
    ///
    /// One transaction: a no-op UPDATE takes the study's row lock (PostgreSQL; SQLite serialises writers), then
    /// the spend is recorded only if the running total plus ε stays within the total, and the total moves only
    /// if it was. Concurrent spends queue on the lock and each sees the totals committed before it, so they
    /// never overspend. A relative tolerance of 1e-9 lets ten spends of 0.1 use a budget of 1.
    public func spendPrivacyBudget(studyHash: String, epsilon: Double, total: Double) async throws -> (spent: Double, remaining: Double) {
        guard !studyHash.isEmpty else {
            throw FederationError("privacy-budget", "a privacy budget needs a study hash")
        }
        guard epsilon.isFinite, epsilon > 0, total.isFinite, total > 0 else {
            throw FederationError("privacy-budget", "study \(studyHash): ε per query (\(epsilon)) and the total budget (\(total)) must be positive and finite")
        }
        try await createPrivacyBudgetTables()
        let now = SQLValue.text(GovernanceClock.text(Date()))
        let spendID = UUID().uuidString
        let study = SQLValue.text(studyHash)
        let ceiling = SQLValue.double(total * (1 + 1e-9))
        try await transaction([
            SQLStatement("INSERT INTO optima_privacy_budget (study_hash, epsilon_spent, updated_at) VALUES (?, 0, ?) ON CONFLICT (study_hash) DO NOTHING",
                         [study, now]),
            SQLStatement("UPDATE optima_privacy_budget SET epsilon_spent = epsilon_spent WHERE study_hash = ?", [study]),
            SQLStatement("""
                INSERT INTO optima_privacy_spend (spend_id, study_hash, epsilon, epsilon_spent_after, spent_at)
                SELECT ?, study_hash, ?, epsilon_spent + ?, ? FROM optima_privacy_budget WHERE study_hash = ? AND epsilon_spent + ? <= ?
                """, [.text(spendID), .double(epsilon), .double(epsilon), now, study, .double(epsilon), ceiling]),
            SQLStatement("""
                UPDATE optima_privacy_budget SET epsilon_spent = epsilon_spent + ?, updated_at = ?
                WHERE study_hash = ? AND EXISTS (SELECT 1 FROM optima_privacy_spend WHERE spend_id = ?)
                """, [.double(epsilon), now, study, .text(spendID)]),
        ])
        let granted = try await query("SELECT epsilon_spent_after FROM optima_privacy_spend WHERE spend_id = ?", [.text(spendID)])
        guard let spent = granted.first?["epsilon_spent_after"].doubleValue else {
            let used = try await privacyBudgetSpent(studyHash: studyHash)
            throw FederationError("budget-spent", "the study's privacy budget (study \(studyHash)) is spent: ε \(Self.format(used)) of \(Self.format(total)) used, "
                + "this query needs \(Self.format(epsilon))")
        }
        return (spent, max(total - spent, 0))
    }

    /// The ε spent so far on a study at this node (0 when nothing was spent).
    public func privacyBudgetSpent(studyHash: String) async throws -> Double {
        guard try await !columns(of: "optima_privacy_budget").isEmpty else { return 0 }
        let rows = try await query("SELECT epsilon_spent FROM optima_privacy_budget WHERE study_hash = ?", [.text(studyHash)])
        return rows.first?["epsilon_spent"].doubleValue ?? 0
    }

    /// Creates both tables when missing.
    private func createPrivacyBudgetTables() async throws {
        guard try await columns(of: "optima_privacy_spend").isEmpty else { return }
        let real = dialect == .postgresql ? "DOUBLE PRECISION" : "REAL"
        do {
            try await transaction([
                SQLStatement("""
                    CREATE TABLE IF NOT EXISTS optima_privacy_budget (
                      study_hash TEXT PRIMARY KEY, epsilon_spent \(real) NOT NULL, updated_at TEXT NOT NULL)
                    """),
                SQLStatement("""
                    CREATE TABLE IF NOT EXISTS optima_privacy_spend (
                      spend_id TEXT PRIMARY KEY, study_hash TEXT NOT NULL, epsilon \(real) NOT NULL,
                      epsilon_spent_after \(real) NOT NULL, spent_at TEXT NOT NULL)
                    """),
            ])
        } catch {
            // Concurrent `CREATE TABLE IF NOT EXISTS` can collide on PostgreSQL's catalog; the loser fails once the
            // winner has committed, so the tables being there is all that matters.
            guard try await !columns(of: "optima_privacy_spend").isEmpty else { throw error }
        }
    }

    /// ε for a message: six significant digits, so 0.1 + 0.2 reads 0.3.
    private static func format(_ epsilon: Double) -> String {
        String(format: "%g", epsilon)
    }
}
