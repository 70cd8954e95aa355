extension StudyRun {
    /// Presents the study to every node at once; only nodes whose steward approved this exact hash take part.
    func announce() async throws {
        let study = self.study, policy = self.policy
        let answers = await withTaskGroup(of: (String, Result<StudyAnnouncement, any Error>).self) { group in
            for name in order {
                let connection = nodes[name]!.connection
                group.addTask {
                    do {
                        let announcement = try await withDeadline(policy.timeout, what: "\(name): announce") {
                            try await connection.announce(study)
                        }
                        return (name, .success(announcement))
                    } catch {
                        return (name, .failure(error))
                    }
                }
            }
            var answers: [String: Result<StudyAnnouncement, any Error>] = [:]
            for await (name, answer) in group { answers[name] = answer }
            return answers
        }
        try Task.checkCancellation()
        for name in order {
            switch answers[name]! {
            case .failure(let error):
                nodes[name]!.status = NodeStatus(name: name, state: .refused, reason: "announce failed: \(StudyRun.describe(error))")
            case .success(let announcement):
                var status = NodeStatus(name: name, state: .approved)
                switch announcement.status {
                case .approved:
                    if announcement.studyHash != study.hash {
                        status = NodeStatus(name: name, state: .refused, reason: "answered for study \(announcement.studyHash.prefix(12)), not \(study.hash.prefix(12))")
                    } else if study.privacy.secureAggregation && (announcement.maskingKey ?? "").isEmpty {
                        status = NodeStatus(name: name, state: .refused, reason: "announced no masking key, which secure aggregation needs")
                    }
                case .pending:
                    status = NodeStatus(name: name, state: .pending, reason: announcement.reason ?? "awaiting approval: optima node approve \(study.hash)")
                case .refused:
                    status = NodeStatus(name: name, state: .refused, reason: announcement.reason ?? "refused by its steward")
                }
                nodes[name]!.status = status
                nodes[name]!.maskingKey = announcement.maskingKey
            }
            runner.log?(nodes[name]!.status.summary)
        }
        for missing in study.nodes where nodes[missing] == nil {
            runner.log?("\(missing): named by the study but not in the network")
        }
        try requireEnoughNodes("study \(study.name)")
    }
}
