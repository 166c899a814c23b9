@testable import Emulator
import Testing

/// Pins `Operation`: the model's method and path for each operation, routing (a trailing slash
/// allowed, the wrong method not), and which operations are writes.
@Suite struct OperationTests {
    @Test func routesByMethodAndPath() {
        for operation in Operation.allCases {
            #expect(Operation(method: operation.method, path: operation.path) == operation)
            #expect(Operation(method: operation.method, path: operation.path + "/") == operation)
        }
        #expect(Operation(method: "GET", path: "/v1/package/versions/delete") == nil)
        #expect(Operation(method: "POST", path: "/v1/package/version") == nil)
        #expect(Operation(method: "POST", path: "/v1/package/versions//") == nil)
        #expect(Operation(method: "POST", path: "/v1/repositories") == nil)
        #expect(Operation(method: "POST", path: "/") == nil)
        #expect(Operation(method: "post", path: "/v1/packages") == nil, "methods are case-sensitive")
    }

    @Test func theModelsBindings() {
        #expect(Operation.allCases.map { "\($0.method) \($0.path)" } == [
            "POST /v1/package/versions/delete", "POST /v1/package/versions", "POST /v1/domain/repositories",
            "POST /v1/packages", "GET /v1/package/version", "POST /v1/package/versions/update_status",
            "POST /v1/package/versions/dispose",
        ])
        #expect(Operation.allCases.map(\.rawValue) == [
            "DeletePackageVersions", "ListPackageVersions", "ListRepositoriesInDomain", "ListPackages",
            "DescribePackageVersion", "UpdatePackageVersionsStatus", "DisposePackageVersions",
        ])
    }

    @Test func writesAreTheBatchOperations() {
        #expect(Operation.allCases.filter(\.isWrite) == [.deletePackageVersions, .updatePackageVersionsStatus, .disposePackageVersions])
    }
}
