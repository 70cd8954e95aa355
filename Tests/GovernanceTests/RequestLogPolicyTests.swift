import Governance
import Testing

@Suite struct RequestLogPolicyTests {
    @Test func prefersTheRoutePattern() {
        #expect(RequestLogPolicy.loggablePath(routePattern: "/api/persons/:id", path: "/api/persons/123") == "/api/persons/:id")
    }

    @Test func masksIdentifiersAndDropsQueriesWithoutAPattern() {
        #expect(RequestLogPolicy.loggablePath(routePattern: nil, path: "/api/persons/123/notes?name=Ann") == "/api/persons/:id/notes")
        #expect(RequestLogPolicy.loggablePath(routePattern: "", path: "/health") == "/health")
    }

    @Test func onlyThePublicPermissionIsPublic() {
        #expect(Permission.allCases.filter(\.isPublic) == [.public])
    }
}
