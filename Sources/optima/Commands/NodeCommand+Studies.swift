import ArgumentParser
import Federation
import Foundation

extension NodeCommand {
    struct Studies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the studies coordinators announced to this node, and whether each is approved.")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print one JSON document: a list of {hash, name, nodes, analyses, announced_at, announced_by, approved_by, approved_at}.")
        var json = false

        func run() async throws {
            let studies = try await database.withAuditedDatabase("node studies", resource: "federated studies", purpose: .federatedResearch,
                                                                 detail: { "studies \($0.count)" }) { try await $0.announcedStudies() }
            let rows = studies.map(Row.init)
            if json { return try Terminal.printJSON(encoding: rows) }
            if rows.isEmpty { return print("No study announced yet.") }
            for row in rows {
                print("\(row.hash)  \(row.approvedBy.map { "approved by \($0)" } ?? "PENDING: optima node approve \(row.hash)")")
                print("  \(row.name) — announced \(row.announcedAt) by \(row.announcedBy)")
                print("  nodes: \(row.nodes.joined(separator: ", "))")
                print("  analyses: \(row.analyses.joined(separator: ", "))")
            }
        }

        struct Row: Encodable {
            let hash, name, announcedAt, announcedBy: String
            let nodes, analyses: [String]
            let approvedBy, approvedAt: String?

            init(_ study: AnnouncedStudy) {
                let specification = try? StudySpecification(document: study.document)
                hash = study.hash
                name = study.name
                announcedAt = study.announcedAt
                announcedBy = study.announcedBy
                nodes = specification?.nodes ?? []
                analyses = specification?.analyses.map { "\($0.id) (\($0.type.rawValue))" } ?? []
                approvedBy = study.approvedBy
                approvedAt = study.approvedAt
            }

            enum CodingKeys: String, CodingKey {
                case hash, name, nodes, analyses
                case announcedAt = "announced_at", announcedBy = "announced_by", approvedBy = "approved_by", approvedAt = "approved_at"
            }
        }
    }
}
