import ArgumentParser
import Federation

extension NodeCommand {
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve (or with --revoke withdraw) a study by its hash: this node answers exactly that document.",
            discussion: "The hash is printed by `optima node studies` and by `optima study hash STUDY.json`.")

        @Argument(help: "The study's SHA-256 (64 hexadecimal digits).") var studyHash: String
        @Flag(help: "Withdraw the approval: the node refuses the study's next steps.") var revoke = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let resource = "study " + studyHash.prefix(12)
            if revoke {
                let had = try await database.withAuditedDatabase("node approve --revoke", resource: resource, purpose: .federatedResearch,
                                                                 outcome: { $0 ? .success : .unchanged }) {
                    try await $0.revokeStudyApproval(hash: studyHash)
                }
                print(had ? "Approval of study \(studyHash) withdrawn." : "Study \(studyHash) was not approved.")
            } else {
                try await database.withAuditedDatabase("node approve", resource: resource, purpose: .federatedResearch) {
                    try await $0.approveStudy(hash: studyHash, approvedBy: CommandAudit.actor)
                }
                print("Study \(studyHash) approved.")
            }
        }
    }
}
