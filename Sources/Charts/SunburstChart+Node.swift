extension SunburstChart {
    /// A prefix of treatment sequences: the persons whose pathway starts with the steps down to here.
    struct Node {
        var name: String
        var count: Int
        var children: [Node]

        /// The prefix tree of `paths`; empty or non-positive paths are left out, children ordered by
        /// persons (most first) then name, so the same input always draws the same picture.
        static func tree(_ paths: [Path]) -> Node {
            var root = Node(name: "", count: 0, children: [])
            for path in paths where path.count > 0 && !path.steps.isEmpty {
                root.insert(path.steps.map { $0.isEmpty ? "Unnamed" : $0 }[...], count: path.count)
            }
            root.sort()
            return root
        }

        private mutating func insert(_ steps: ArraySlice<String>, count: Int) {
            self.count += count
            guard let first = steps.first else { return }
            if let index = children.firstIndex(where: { $0.name == first }) {
                children[index].insert(steps.dropFirst(), count: count)
            } else {
                var child = Node(name: first, count: 0, children: [])
                child.insert(steps.dropFirst(), count: count)
                children.append(child)
            }
        }

        private mutating func sort() {
            for index in children.indices { children[index].sort() }
            children.sort { ($1.count, $0.name) < ($0.count, $1.name) }
        }

        /// Rings below this node (the root's depth is the number of treatment lines).
        var depth: Int {
            children.map { $0.depth + 1 }.max() ?? 0
        }

        /// Every treatment named anywhere, most persons (over all lines) first, then by name.
        func treatmentsByCount() -> [String] {
            var totals: [(name: String, count: Int)] = []
            func visit(_ node: Node) {
                for child in node.children {
                    if let index = totals.firstIndex(where: { $0.name == child.name }) {
                        totals[index].count += child.count
                    } else {
                        totals.append((child.name, child.count))
                    }
                    visit(child)
                }
            }
            visit(self)
            return totals.sorted { ($1.count, $0.name) < ($0.count, $1.name) }.map(\.name)
        }
    }
}
