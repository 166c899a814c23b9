import JSONLines
import Model
import SigV4

extension EmulatorCore {
    /// `ListRepositoriesInDomain`: one page of a domain's repositories, by name.
    func listRepositoriesInDomain(_ request: SigningRequest) -> Result<OperationResult, ServiceException> {
        let input: ListRepositoriesInDomainInput
        switch ListRepositoriesInDomainInput.decode(query: request.query) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        let owner: String
        switch inventory.checkDomain(input.domain, owner: input.domainOwner) {
        case .success(let found): owner = found
        case .failure(let error): return .failure(error)
        }
        let page = inventory.repositoryPage(domain: input.domain, prefix: input.repositoryPrefix,
                                            administrator: input.administratorAccount, start: input.start,
                                            limit: input.maxResults)
        var json = JSONWriter(capacity: 64 + page.names.count * 320)
        json.beginObject()
        json.key("repositories")
        json.beginArray()
        for name in page.names {
            json.beginObject()
            json.member("name", name)
            // The emulator's domains administer their own repositories.
            json.member("administratorAccount", owner)
            json.member("domainName", input.domain)
            json.member("domainOwner", owner)
            json.member("arn", "arn:aws:codeartifact:\(configuration.region):\(owner):repository/\(input.domain)/\(name)")
            json.member("description", "Repository \(name) of the cabatch emulator")
            json.member("createdTime", Inventory.epoch.secondsSinceEpoch)
            json.endObject()
        }
        json.endArray()
        json.memberIfPresent("nextToken", page.next.map { PaginationToken.name([$0]).text })
        json.endObject()
        return .success(OperationResult(package: nil, versions: [], outcomes: [], body: json.bytes))
    }

    /// `ListPackages`: one page of a repository's packages in (format, namespace, package) order.
    func listPackages(_ request: SigningRequest) -> Result<OperationResult, ServiceException> {
        let input: ListPackagesInput
        switch ListPackagesInput.decode(query: request.query) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        let repository = input.repository
        if let error = checkAccess(.listPackages, domain: repository.domain, owner: input.domainOwner,
                                   repository: repository.repository,
                                   resource: "repository/\(repository.domain)/\(repository.repository)") {
            return .failure(error)
        }
        let page = inventory.packagePage(repository, start: input.start, limit: input.maxResults, where: input.matches)
        var json = JSONWriter(capacity: 64 + page.packages.count * 160)
        json.beginObject()
        json.key("packages")
        json.beginArray()
        for package in page.packages {
            json.beginObject()
            json.member("format", package.format.rawValue)
            json.memberIfPresent("namespace", package.namespace)
            json.member("package", package.package)
            json.key("originConfiguration")
            json.beginObject()
            json.key("restrictions")
            json.beginObject()
            json.member("publish", OriginRestriction.allow.rawValue)
            json.member("upstream", OriginRestriction.allow.rawValue)
            json.endObject()
            json.endObject()
            json.endObject()
        }
        json.endArray()
        if let next = page.next {
            json.member("nextToken", PaginationToken.name([next.format.rawValue, next.namespace ?? "", next.package]).text)
        }
        json.endObject()
        return .success(OperationResult(package: nil, versions: [], outcomes: [], body: json.bytes))
    }

    /// `ListPackageVersions`: one page of the package's versions that still exist, in inventory
    /// order or (`sortBy=PUBLISHED_TIME`) newest first.
    func listPackageVersions(_ request: SigningRequest) -> Result<OperationResult, ServiceException> {
        let input: ListPackageVersionsInput
        switch ListPackageVersionsInput.decode(query: request.query) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        if let error = checkAccess(.listPackageVersions, input.target) { return .failure(error) }
        let package = input.target
        let (status, originType) = (input.status, input.originType)
        guard let page = inventory.versionPage(of: package, sortBy: input.sortBy, start: input.start, limit: input.maxResults,
                                               where: { record in
                                                   (status == nil || record.status == status)
                                                       && (originType == nil || record.origin == originType)
                                               })
        else {
            return .failure(ServiceException(.resourceNotFound, "Package \(package.resourcePath) not found",
                                             resourceID: package.package, resourceType: "package"))
        }
        let seed = RevisionSeed(package)
        var json = JSONWriter(capacity: 160 + page.versions.count * 160)
        json.beginObject()
        json.memberIfPresent("defaultDisplayVersion", page.defaultDisplayVersion)
        json.member("format", package.format.rawValue)
        json.memberIfPresent("namespace", package.namespace)
        json.member("package", package.package)
        json.key("versions")
        json.beginArray()
        for (version, record) in page.versions {
            json.beginObject()
            json.member("version", version)
            json.member("revision", record.revision(seed, version))
            json.member("status", record.status.rawValue)
            Self.writeOrigin(record.origin, of: package, to: &json)
            json.endObject()
        }
        json.endArray()
        json.memberIfPresent("nextToken", page.next?.text)
        json.endObject()
        return .success(OperationResult(package: package, versions: [], outcomes: [], body: json.bytes))
    }

    /// `DescribePackageVersion`: one version's details, or `ResourceNotFoundException` naming it.
    func describePackageVersion(_ request: SigningRequest) -> Result<OperationResult, ServiceException> {
        let input: DescribePackageVersionInput
        switch DescribePackageVersionInput.decode(query: request.query) {
        case .success(let decoded): input = decoded
        case .failure(let error): return .failure(error)
        }
        if let error = checkAccess(.describePackageVersion, input.target) { return .failure(error) }
        let (package, version) = (input.target, input.version)
        guard let record = inventory.version(package, version) else {
            return .failure(ServiceException(.resourceNotFound, "Package version \(version) of package \(package.resourcePath) not found",
                                             resourceID: version, resourceType: "package-version"))
        }
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        json.key("packageVersion")
        json.beginObject()
        json.member("format", package.format.rawValue)
        json.memberIfPresent("namespace", package.namespace)
        json.member("packageName", package.package)
        json.member("displayName", Self.displayName(package))
        json.member("version", version)
        json.member("publishedTime", Timestamp(millisecondsSinceEpoch: record.publishedTime).secondsSinceEpoch)
        json.member("revision", record.revision(RevisionSeed(package), version))
        json.member("status", record.status.rawValue)
        Self.writeOrigin(record.origin, of: package, to: &json)
        json.endObject()
        json.endObject()
        return .success(OperationResult(package: package, versions: [version], outcomes: [], body: json.bytes))
    }

    /// The `origin` member (`PackageVersionOrigin`): how the version entered the domain, and where.
    static func writeOrigin(_ origin: PackageVersionOriginType, of package: PackageKey, to json: inout JSONWriter) {
        json.key("origin")
        json.beginObject()
        switch origin {
        case .internal:
            json.key("domainEntryPoint")
            json.beginObject()
            json.member("repositoryName", package.repository)
            json.endObject()
        case .external:
            if let connection = externalConnection(package.format) {
                json.key("domainEntryPoint")
                json.beginObject()
                json.member("externalConnectionName", connection)
                json.endObject()
            }
        case .unknown:
            break
        }
        json.member("originType", origin.rawValue)
        json.endObject()
    }

    /// The public repository a format's external versions come from (the model's list of
    /// external connections); swift and generic have none.
    static func externalConnection(_ format: PackageFormat) -> String? {
        switch format {
        case .npm: "public:npmjs"
        case .pypi: "public:pypi"
        case .maven: "public:maven-central"
        case .nuget: "public:nuget-org"
        case .ruby: "public:ruby-gems-org"
        case .cargo: "public:crates-io"
        case .swift, .generic: nil
        }
    }

    /// How the service displays a package: `@scope/name` for scoped npm packages, else the name.
    static func displayName(_ package: PackageKey) -> String {
        if package.format == .npm, let scope = package.namespace { return "@\(scope)/\(package.package)" }
        return package.package
    }
}
