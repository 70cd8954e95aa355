import Foundation
import Governance

/// The audit page: whether the hash chain is intact, a filter, and one page of entries newest first. Entries name
/// actors, actions and resources, never a patient (the trail holds none by design). Stable ids: `#audit-chain`,
/// `table#audit-events`.
struct AuditPage {
    let chain: AuditChainVerification
    let query: AuditQuery
    /// Nil when the entries could not be read (a tampered row that no longer decodes); the chain says where.
    let entries: [AuditEntry]?
    let readError: String?

    var html: HTML {
        .joined([chainStatus, filter, events])
    }

    private var chainStatus: HTML {
        H.section(.class("card"), .id("audit-chain"), .data("intact", chain.isIntact ? "true" : "false")) {
            H.h1 { "Audit trail" }
            if let broken = chain.firstBroken {
                H.p(.role("alert")) {
                    H.span(.class("badge badge-bad")) { "broken" }
                    " The chain of \(chain.entries) entries breaks at entry \(broken.sequence): \(broken.description)."
                }
            } else {
                H.p {
                    H.span(.class("badge badge-ok")) { "intact" }
                    " Intact, \(chain.entries) " + (chain.entries == 1 ? "entry" : "entries") + ": every hash matches its entry and links to the one before."
                }
            }
            if let head = chain.head {
                H.p(.class("muted")) { "Head hash (record it elsewhere to detect a truncated tail): "; H.code(.id("audit-head")) { head } }
            }
        }
    }

    private var filter: HTML {
        H.section(.class("card")) {
            H.form(.method("get"), .action(WebRoute.audit.path), .id("audit-filter")) {
                H.fieldset {
                    H.legend { "Filter" }
                    H.label(.for("audit-actor")) { "Actor" }
                    H.input(.type("text"), .id("audit-actor"), .name("actor"), .value(query.actor ?? ""))
                    H.label(.for("audit-outcome")) { "Outcome" }
                    H.select(.id("audit-outcome"), .name("outcome"), invalid("outcome"), described("outcome")) {
                        H.option(.value(""), .selected(query.outcome == nil)) { "any" }
                        for outcome in AuditOutcome.allCases {
                            H.option(.value(outcome.rawValue), .selected(query.outcome == outcome)) { outcome.rawValue }
                        }
                    }
                    message("outcome")
                    H.label(.for("audit-before")) { "Before entry" }
                    H.input(.type("number"), .id("audit-before"), .name("before"), .min("1"), .value(query.before.map(String.init) ?? ""),
                            invalid("before"), described("before"))
                    message("before")
                    H.div(.class("actions")) { H.button(.type("submit"), .class("primary")) { "Show" } }
                }
            }
        }
    }

    private func invalid(_ field: String) -> Attribute { query.errors[field] == nil ? .none : .aria("invalid", "true") }
    private func described(_ field: String) -> Attribute { query.errors[field] == nil ? .none : .aria("describedby", "audit-\(field)-error") }

    private func message(_ field: String) -> HTML {
        guard let error = query.errors[field] else { return .empty }
        return H.p(.class("error"), .id("audit-\(field)-error")) { error }
    }

    private var events: HTML {
        H.section(.class("card")) {
            if let readError { H.p(.class("error"), .role("alert")) { readError } }
            H.table(.class("data"), .id("audit-events")) {
                H.caption { "Audit entries, newest first" + (query.before.map { ", before entry \($0)" } ?? "") }
                H.thead {
                    H.tr {
                        for title in ["Entry", "Recorded (UTC)", "Actor", "Role", "Action", "Resource", "Outcome", "Purpose", "Detail"] {
                            H.th(.attr("scope", "col")) { title }
                        }
                    }
                }
                H.tbody {
                    for entry in entries ?? [] { row(entry) }
                    if entries?.isEmpty == true { H.tr { H.td(.attr("colspan", "9"), .class("muted")) { "No entries." } } }
                }
            }
            H.div(.class("actions")) {
                if query.before != nil { H.a(.href(query.address(before: nil)), .id("audit-newest")) { "Newest entries" } }
                if let entries, entries.count == AuditQuery.pageSize, let last = entries.last {
                    H.a(.href(query.address(before: last.sequence)), .id("audit-older")) { "Older entries" }
                }
            }
        }
    }

    private func row(_ entry: AuditEntry) -> HTML {
        let event = entry.event
        let badge = switch event.outcome {
        case .success: "badge badge-ok"
        case .denied, .failed: "badge badge-bad"
        case .unchanged: "badge"
        }
        return H.tr(.data("sequence", String(entry.sequence))) {
            H.td(.class("num")) { String(entry.sequence) }
            H.td { H.time(.attr("datetime", entry.recordedAt.formatted(.iso8601))) { entry.recordedAt.formatted(.iso8601) } }
            H.td(.class("actor")) { event.actor }
            H.td { event.role ?? "—" }
            H.td { H.code { event.action } }
            H.td { event.resource }
            H.td(.class("outcome")) { H.span(.class(badge)) { event.outcome.rawValue } }
            H.td { event.purpose.rawValue }
            H.td { event.detail ?? "" }
        }
    }
}
