/// The version cabatch reports in `--version`, user agents, plans, journals and reports.
enum CabatchVersion {
    static let current = "0.1.0"
}
