import TestSupport
import CodeArtifact
import Foundation
import SigV4
import Testing
import Model

/// Pins the read operations' codecs (paging and decoding) and every request against botocore's
/// own serializer.
@Suite struct OperationCodecTests {
    static let key = PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store",
                                                format: .npm, namespace: "types", package: "node")

    @Test func listPaginates() throws {
        let first = ListPackageVersions(package: Self.key, status: .published, maxResults: 1000)
        let request = try first.serviceRequest()
        #expect(request.path == "/v1/package/versions")
        #expect(request.body.isEmpty)
        #expect(request.query.map(\.name) == ["domain", "domain-owner", "repository", "format", "namespace", "package",
                                              "status", "max-results"])
        let page = try ListPackageVersions.decode(ServiceResponse(status: 200, headers: [], body: Array(#"""
            {"versions":[{"version":"1.0.0","revision":"R","status":"Published"}],"nextToken":"tok+/="}
            """#.utf8)))
        #expect(page.versions == [PackageVersionSummary(version: "1.0.0", revision: "R", status: .published)])
        let second = try #require(first.next(after: page))
        #expect(try second.serviceRequest().query.last == QueryParameter("next-token", "tok+/="))
        let last = try ListPackageVersions.decode(ServiceResponse(status: 200, headers: [], body: Array(#"{"versions":[]}"#.utf8)))
        #expect(second.next(after: last) == nil)
    }

    /// botocore's own rest-json serializer, fed the model, must place every member where we do.
    @Test func serializationMatchesBotocore() throws {
        try Python.ensure(module: "botocore", package: "botocore")
        let script = """
            import json, sys
            import botocore.model, botocore.serialize
            from botocore.utils import percent_encode_sequence
            args = json.load(sys.stdin)
            model = botocore.model.ServiceModel(json.load(open(args['model'])), 'codeartifact')
            out = []
            for name, params in args['calls']:
                request = botocore.serialize.create_serializer('rest-json', False).serialize_to_request(params, model.operation_model(name))
                body = request['body']
                out.append({'method': request['method'], 'path': request['url_path'],
                            'query': percent_encode_sequence(request['query_string']),
                            'body': json.loads(body) if body else None})
            print(json.dumps(out))
            """
        let delete = DeletePackageVersions(
            package: PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store",
                                            format: .npm, namespace: "types", package: "a b+c@d~e%ü"),
            versions: ["1.0.0", "2.0.0-beta+exp.sha.5114f85"], expectedStatus: .unlisted)
        let list = ListPackageVersions(package: PackageKey(domain: "acme", repository: "r", format: .maven,
                                                                       namespace: "org.example", package: "lib"),
                                       status: .archived, maxResults: 50, nextToken: "a+b/c=")
        let dispose = DisposePackageVersions(package: Self.key, versions: ["1"], versionRevisions: ["1": "R1"],
                                             expectedStatus: .archived)
        let update = UpdatePackageVersionsStatus(package: Self.key, versions: ["1"], targetStatus: .archived)
        let repositories = ListRepositoriesInDomain(domain: "acme", domainOwner: "111122223333", repositoryPrefix: "npm",
                                                    maxResults: 1000, nextToken: "t/1")
        let packages = ListPackages(domain: "acme", repository: "npm-store", format: .npm, namespace: "types",
                                    packagePrefix: "no de", maxResults: 1000, nextToken: "t+2")
        let describe = DescribePackageVersion(package: Self.key, version: "18.11.9+build")
        let coordinateParameters: [String: Any] = ["domain": "acme", "domainOwner": "111122223333", "repository": "npm-store",
                                                   "format": "npm", "namespace": "types", "package": "node"]
        let calls: [[Any]] = [
            ["DeletePackageVersions", ["domain": "acme", "domainOwner": "111122223333", "repository": "npm-store",
                                       "format": "npm", "namespace": "types", "package": "a b+c@d~e%ü",
                                       "versions": ["1.0.0", "2.0.0-beta+exp.sha.5114f85"], "expectedStatus": "Unlisted"]],
            ["ListPackageVersions", ["domain": "acme", "repository": "r", "format": "maven", "namespace": "org.example",
                                     "package": "lib", "status": "Archived", "maxResults": 50, "nextToken": "a+b/c="]],
            ["DisposePackageVersions", coordinateParameters.merging(
                ["versions": ["1"], "versionRevisions": ["1": "R1"], "expectedStatus": "Archived"]) { a, _ in a }],
            ["UpdatePackageVersionsStatus", coordinateParameters.merging(["versions": ["1"], "targetStatus": "Archived"]) { a, _ in a }],
            ["ListRepositoriesInDomain", ["domain": "acme", "domainOwner": "111122223333", "repositoryPrefix": "npm",
                                          "maxResults": 1000, "nextToken": "t/1"]],
            ["ListPackages", ["domain": "acme", "repository": "npm-store", "format": "npm", "namespace": "types",
                              "packagePrefix": "no de", "maxResults": 1000, "nextToken": "t+2"]],
            ["DescribePackageVersion", coordinateParameters.merging(["packageVersion": "18.11.9+build"]) { a, _ in a }],
        ]
        let input = try JSONSerialization.data(withJSONObject: ["model": Fixtures.serviceModel.path, "calls": calls])
        let output = try JSONSerialization.jsonObject(with: Python.run(script, input: input)) as? [[String: Any]] ?? []
        #expect(output.count == 7)
        let ourRequests = [try delete.serviceRequest(), try list.serviceRequest(), try dispose.serviceRequest(),
                           try update.serviceRequest(), try repositories.serviceRequest(), try packages.serviceRequest(),
                           try describe.serviceRequest()]
        for (ours, theirs) in zip(ourRequests, output) {
            #expect(ours.method == theirs["method"] as? String)
            #expect(ours.path == theirs["path"] as? String)
            let theirQuery = Set(((theirs["query"] as? String) ?? "").split(separator: "&").map(String.init))
            #expect(Set(ours.query.map(\.encoded)) == theirQuery)
            let ourBody = ours.body.isEmpty ? nil : try JSONSerialization.jsonObject(with: Data(ours.body)) as? NSDictionary
            #expect(ourBody == (theirs["body"] as? NSDictionary))
        }
    }

    @Test func readOperationsDecodeTheirPagesAndStopOnTheLastOne() throws {
        func response(_ body: String) -> ServiceResponse { ServiceResponse(status: 200, headers: [], body: Array(body.utf8)) }
        let repositories = try ListRepositoriesInDomain.decode(response(
            #"{"repositories":[{"name":"npm-store","domainName":"acme","domainOwner":"111122223333","arn":"arn:x","createdTime":1.7e9}],"nextToken":"n1"}"#))
        #expect(repositories.items == [RepositorySummary(name: "npm-store", domainName: "acme", domainOwner: "111122223333")])
        let request = ListRepositoriesInDomain(domain: "acme")
        #expect(request.next(after: repositories)?.nextToken == "n1")
        #expect(request.next(after: try ListRepositoriesInDomain.decode(response(#"{"repositories":[],"nextToken":""}"#))) == nil)

        let packages = try ListPackages.decode(response(
            #"{"packages":[{"format":"npm","namespace":"types","package":"node","originConfiguration":{"restrictions":{"publish":"ALLOW"}}},{"format":"conda","package":"x"}]}"#))
        #expect(packages.items.map(\.package) == ["node", "x"])
        #expect(packages.items[0].format == .npm && packages.items[0].namespace == "types")
        #expect(packages.items[1].format == nil && packages.items[1].rawFormat == "conda", "a new format is reported, not dropped")
        #expect(packages.nextToken == nil)
        #expect(throws: ResponseDecodingError.self) { try ListPackages.decode(response(#"{"packages":[{"format":"npm"}]}"#)) }

        let described = try DescribePackageVersion.decode(response(
            #"{"packageVersion":{"format":"npm","packageName":"node","version":"18.11.9","revision":"R","status":"Published","publishedTime":1714644672.5,"origin":{"domainEntryPoint":{"repositoryName":"npm-store"},"originType":"INTERNAL"}}}"#))
        #expect(described == PackageVersionDescription(version: "18.11.9", revision: "R", status: "Published",
                                                       publishedTime: 1714644672.5, originType: "INTERNAL"))

        let versions = try ListPackageVersions.decode(response(
            #"{"versions":[{"version":"1.0.0","revision":"R1","status":"Published","origin":{"originType":"EXTERNAL"}}],"defaultDisplayVersion":"1.0.0"}"#))
        #expect(versions.versions.first?.originType == "EXTERNAL")
        #expect(versions.result.defaultDisplayVersion == "1.0.0")
    }
}
