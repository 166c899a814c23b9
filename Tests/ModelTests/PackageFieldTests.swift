import Model
import Testing

/// Pins the row members' names: as rows spell them in JSON, and as the service's query string does.
@Suite struct PackageFieldTests {
    @Test func membersAreNamedAsInARowInRowOrder() {
        #expect(PackageField.allCases.map(\.rawValue) == [
            "domain", "domainOwner", "repository", "format", "namespace", "package", "version",
            "status", "revision", "origin", "publishedTime", "defaultDisplayVersion",
        ])
        #expect(PackageField(rawValue: "domain-owner") == nil, "rows spell it domainOwner")
    }

    @Test func everyRowCarriesTheCoordinatesButOwnerAndNamespace() {
        #expect(PackageField.required == [.domain, .repository, .format, .package, .version])
        #expect(!PackageField.required.contains(.domainOwner) && !PackageField.required.contains(.namespace))
    }

    /// The query names are the batch operations' own (`locationName` in the service model).
    @Test func queryNamesAreTheServiceModels() throws {
        let request = try ServiceModel.shapes()["DeletePackageVersionsRequest"] as? [String: Any]
        let members = try #require(request?["members"] as? [String: [String: Any]])
        for field in [PackageField.domain, .domainOwner, .repository, .format, .namespace, .package] {
            let member = try #require(members[field.rawValue], "\(field) is not a member of DeletePackageVersionsRequest")
            #expect(member["location"] as? String == "querystring", "\(field)")
            #expect(member["locationName"] as? String == field.queryName, "\(field)")
        }
        #expect(PackageField.domainOwner.queryName == "domain-owner")
        #expect(PackageField.publishedTime.queryName == "publishedTime")
    }
}
