import Manifest
import Model

/// One package of the emulated inventory: where it lives and its coordinates within its format.
public struct InventoryPackage: Sendable, Hashable, CustomStringConvertible {
    public var domain: String
    public var repository: String
    public var format: PackageFormat
    /// `nil` when the package has no namespace.
    public var namespace: String?
    public var package: String

    public init(domain: String, repository: String, format: PackageFormat, namespace: String? = nil, package: String) {
        self.domain = domain
        self.repository = repository
        self.format = format
        self.namespace = namespace
        self.package = package
    }

    /// The package of a manifest or inventory row.
    public init(_ row: ManifestRow) {
        self.init(domain: row.domain, repository: row.repository, format: row.format,
                  namespace: row.namespace, package: row.package)
    }

    /// `acme/npm-store/npm/types/node`, the way messages and logs name a package.
    public var description: String {
        "\(domain)/\(repository)/\(format.rawValue)/" + (namespace.map { "\($0)/" } ?? "") + package
    }
}

/// A repository of the emulated inventory, which exists even once all its packages are gone.
struct InventoryRepository: Sendable, Hashable {
    var domain: String
    var repository: String
}
