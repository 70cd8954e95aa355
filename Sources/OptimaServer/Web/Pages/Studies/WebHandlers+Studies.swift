import Federation
import Foundation
import Governance
import Hummingbird

/// Federated studies as this site sees them: the studies announced to its node with their approval, and the
/// runs its coordinator wrote into the studies folder, each with its nodes and pooled results.
extension WebHandlers {
    func studiesPage(_ web: WebRequest) async throws -> Response {
        let announced = try await database.announcedStudies()
        let runs = settings.studiesDirectory.map(StudyRunFolder.all(in:)) ?? []
        let steward = web.principal.map { [.admin, .dataSteward].contains($0.role) } ?? false
        return page(web, title: "Studies", area: .studies) {
            H.h1 { "Federated studies" }
            H.section(.class("card")) {
                H.h2 { "Studies announced to this node" }
                if announced.isEmpty {
                    H.p(.class("muted"), .id("no-node-studies")) { "No study has been announced to this node." }
                } else {
                    announcedTable(announced, steward: steward)
                }
            }
            H.section(.class("card")) {
                H.h2 { "Runs of this coordinator" }
                if settings.studiesDirectory == nil {
                    H.p(.class("muted"), .id("no-study-runs")) {
                        "No studies folder is set: serve with --studies DIR to list the runs of "
                        H.code { "optima study run --out DIR/NAME --state DIR/NAME/state.json" }
                        "."
                    }
                } else if runs.isEmpty {
                    H.p(.class("muted"), .id("no-study-runs")) { "No study has been run into the studies folder yet." }
                } else {
                    runsTable(runs)
                }
            }
        }
    }

    func studyPage(_ web: WebRequest) async throws -> Response {
        let name = try web.parameter("id")
        guard StudyRunFolder.isFolderName(name) else {
            throw HTTPError(.badRequest, message: "A study run is named by its folder; \"\(name.prefix(60))\" is not a folder name.")
        }
        guard let directory = settings.studiesDirectory, let run = StudyRunFolder.named(name, in: directory) else {
            throw HTTPError(.notFound, message: "There is no study run \"\(name.prefix(60))\" in the studies folder.")
        }
        return page(web, title: run.result?.study ?? name, area: .studies) {
            H.p { H.a(.href(WebRoute.studies.path)) { "Studies" }; " › \(name)" }
            H.h1 { run.result?.study ?? name }
            if let problem = run.problem { H.p(.class("error"), .role("alert")) { problem } }
            if let running = run.running {
                H.p(.id("run-state")) {
                    Self.runBadge("running", "badge-warn")
                    " Started \(Self.time(running.started)); \(running.analysesDone) \(running.analysesDone == 1 ? "analysis" : "analyses") finished so far. "
                    "The results appear here when the run ends."
                }
            }
            if let result = run.result { studyResult(result, markdown: run.markdown ?? result.markdown()) }
        }
    }

    private func announcedTable(_ studies: [AnnouncedStudy], steward: Bool) -> HTML {
        H.table(.class("data"), .id("node-studies")) {
            H.caption { "Studies announced to this node, newest first" }
            H.thead {
                H.tr {
                    for heading in ["Study", "Hash", "Analyses", "Announced", "Approval"] { H.th(.attr("scope", "col")) { heading } }
                }
            }
            H.tbody {
                for study in studies {
                    H.tr(.data("hash", study.hash)) {
                        H.th(.attr("scope", "row")) { study.name }
                        H.td { H.code(.title(study.hash)) { "\(study.hash.prefix(12))…" } }
                        H.td { Self.analyses(of: study) }
                        H.td { "\(study.announcedAt) by \(study.announcedBy)" }
                        H.td {
                            if let approvedBy = study.approvedBy {
                                Self.runBadge("approved", "badge-ok")
                                H.small { " by \(approvedBy), \(study.approvedAt ?? "")" }
                            } else {
                                Self.runBadge("pending", "badge-warn")
                                if steward {
                                    H.br()
                                    H.small { "Approve on the node with " }
                                    H.code(.class("approve-command")) { "optima node approve \(study.hash)" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func runsTable(_ runs: [StudyRunFolder]) -> HTML {
        H.table(.class("data"), .id("study-runs")) {
            H.caption { "Study runs in the studies folder, newest first" }
            H.thead {
                H.tr {
                    for heading in ["Run", "Study", "Nodes", "Analyses", "When"] { H.th(.attr("scope", "col")) { heading } }
                }
            }
            H.tbody {
                for run in runs {
                    H.tr(.data("run", run.name)) {
                        H.th(.attr("scope", "row")) { H.a(.href("/studies/\(Self.pathComponent(run.name))")) { run.name } }
                        H.td { run.result?.study ?? "—" }
                        H.td {
                            if let result = run.result {
                                for node in result.nodes { Self.nodeBadge(node); " " }
                            } else if run.running != nil {
                                Self.runBadge("running", "badge-warn")
                            } else {
                                Self.runBadge("unreadable", "badge-bad")
                            }
                        }
                        H.td(.class("num")) { (run.result?.analyses.count ?? run.running?.analysesDone).map(String.init) ?? "—" }
                        H.td { run.when.map(Self.time) ?? "—" }
                    }
                }
            }
        }
    }

    private func studyResult(_ result: StudyResult, markdown: String) -> HTML {
        let charts = Dictionary(result.analyses.flatMap { $0.charts() }.map { ($0.file, $0.svg) }, uniquingKeysWith: { first, _ in first })
        return .joined([
            H.p {
                "Study hash "
                H.code { result.hash }
                "; run \(Self.time(result.started)) – \(Self.time(result.finished))."
            },
            H.table(.class("data"), .id("node-status")) {
                H.caption { "The nodes of this run" }
                H.thead {
                    H.tr {
                        H.th(.attr("scope", "col")) { "Node" }
                        H.th(.attr("scope", "col")) { "Status" }
                        H.th(.attr("scope", "col")) { "Reason" }
                        for heading in ["Steps answered", "Retries", "Bytes sent", "Bytes received"] { H.th(.attr("scope", "col"), .class("num")) { heading } }
                    }
                }
                H.tbody {
                    for node in result.nodes {
                        H.tr(.data("node", node.name)) {
                            H.th(.attr("scope", "row")) { node.name }
                            H.td { Self.runBadge(node.state.rawValue, Self.badgeClass(node.state)) }
                            H.td { node.reason ?? "" }
                            for number in [node.stepsAnswered, node.retries, node.bytesSent, node.bytesReceived] { H.td(.class("num")) { String(number) } }
                        }
                    }
                }
            },
            H.section(.id("study-results")) {
                H.h2 { "Results" }
                MarkdownView(text: Self.analysesPart(of: markdown), tableCaption: "Pooled over the nodes") { file, alt in
                    charts[file].map { svg in H.figure(.class("chart")) { HTML.trusted(svg: svg); H.figcaption { "\(alt): \(Self.chartKind(file)), pooled over the nodes" } } }
                }.html
            },
        ])
    }

    /// The analyses' sections of a `result.md`, without its title and node table, which the page shows itself.
    private static func analysesPart(of markdown: String) -> String {
        markdown.components(separatedBy: "\n## ").dropFirst().filter { !$0.hasPrefix("Nodes\n") }.map { "## " + $0 }.joined(separator: "\n")
    }

    private static func chartKind(_ file: String) -> String {
        if file.hasSuffix("-kaplan-meier.svg") { return "Kaplan–Meier curve" }
        if file.hasSuffix("-forest.svg") { return "forest plot of the model's ratios" }
        return file.contains("-attrition-") ? "attrition of the cohort" : "chart"
    }

    private static func analyses(of study: AnnouncedStudy) -> String {
        guard let specification = try? StudySpecification(document: study.document) else { return "the document does not read" }
        return specification.analyses.map { "\($0.id) (\($0.type.rawValue))" }.joined(separator: ", ")
    }

    private static func nodeBadge(_ node: NodeStatus) -> HTML {
        runBadge(node.state == .failed ? "\(node.name): failed (\(node.reason ?? "no reason given"))" : "\(node.name): \(node.state.rawValue)",
                 badgeClass(node.state))
    }

    private static func badgeClass(_ state: NodeStatus.State) -> String {
        switch state {
        case .done, .approved: "badge-ok"
        case .pending: "badge-warn"
        case .refused, .failed: "badge-bad"
        }
    }

    private static func runBadge(_ text: String, _ kind: String) -> HTML {
        H.span(.class("badge \(kind)")) { text }
    }

    private static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(dateTimeSeparator: .space))
    }

    private static func pathComponent(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? name
    }
}
