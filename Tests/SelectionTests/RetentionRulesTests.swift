import Model
import Selection
import Testing

/// Pins what `select` is asked, as a value: the order per format, which rules need publish
/// times, patterns matched against the whole value, durations, and the errors that name the option.
@Suite struct RetentionRulesTests {
    static let now = Timestamp(iso8601: "2026-06-01T00:00:00Z")!

    @Test func everyFormatButGenericGoesByVersionOrderUnlessTold() {
        var rules = RetentionRules(now: Self.now)
        for format in PackageFormat.allCases {
            #expect(rules.order(for: format) == (format == .generic ? .published : .version), "\(format)")
        }
        rules.order = .published
        #expect(PackageFormat.allCases.allSatisfy { rules.order(for: $0) == .published })
        rules.order = .version
        #expect(rules.order(for: .generic) == .version)
        #expect(RetentionRules.Order.allCases.map(\.rawValue) == ["version", "published"])
    }

    @Test func onlyAgeRulesNeedPublishTimes() {
        var rules = RetentionRules(now: Self.now)
        #expect(!rules.needsPublishedTime)
        rules.keepLatest = 3
        rules.prereleaseOnly = true
        rules.match = try? Pattern(".*", option: "--match")
        #expect(!rules.needsPublishedTime)
        rules.olderThan = 86_400
        #expect(rules.needsPublishedTime)
        rules.olderThan = nil
        rules.keepNewerThan = 0
        #expect(rules.needsPublishedTime)
    }

    @Test func aNewValueSelectsWithNoRuleAndLiftsNoGuard() {
        let rules = RetentionRules(now: Self.now)
        #expect(rules.now == Self.now)
        #expect(rules.repositories.isEmpty && rules.formats.isEmpty && rules.statuses.isEmpty)
        #expect(rules.namespace == nil && rules.packagePattern == nil && rules.origin == nil && rules.order == nil)
        #expect(rules.keepLatest == nil && rules.keepLatestPerMajor == nil && rules.exclude == nil)
        #expect(!rules.allowDefaultVersion && !rules.allowEmptyPackages && !rules.prereleaseOnly)
    }

    @Test func patternsMatchTheWholeValue() throws {
        let pkg = try Pattern("p.g", option: "--package")
        #expect(pkg.matches("pkg") && pkg.matches("p-g"))
        #expect(!pkg.matches("pkgs") && !pkg.matches("xpkg") && !pkg.matches(""))
        let either = try Pattern("a|b", option: "--match")
        #expect(either.matches("a") && either.matches("b") && !either.matches("ab"))
        let major = try Pattern("1\\..*", option: "--exclude")
        #expect(major.matches("1.0.0") && !major.matches("11.0") && !major.matches("v1.0"))
        #expect(try Pattern("caf\u{E9}.*", option: "--match").matches("caf\u{E9}-1.0"))
        #expect(try Pattern("", option: "--match").matches(""))
        #expect(pkg.description == "p.g" && pkg.text == "p.g")
    }

    @Test func aPatternThatIsNotARegularExpressionNamesTheOption() {
        let error = #expect(throws: SelectionError.self) { try Pattern("(", option: "--match") }
        guard case .invalidPattern(let option, let pattern, _)? = error else {
            Issue.record("not invalidPattern: \(String(describing: error))")
            return
        }
        #expect(option == "--match" && pattern == "(")
        #expect(error?.description.hasPrefix(#"--match "(" is not a regular expression: "#) == true)
        #expect(throws: SelectionError.self) { try Pattern("[a-", option: "--package") }
    }

    /// The text is wrapped as `^(?:TEXT)$`; unbalanced parentheses could close the wrapper
    /// (`a)|(b` would compile to `^(?:a)|(b)$`, matching any value that starts with a or ends
    /// with b), so the text must be a regular expression on its own.
    @Test func aPatternCannotEscapeTheWholeValueMatch() throws {
        #expect(throws: SelectionError.self) { try Pattern("a)|(b", option: "--match") }
        let alternatives = try Pattern("a|b", option: "--match")
        #expect(alternatives.matches("a") && alternatives.matches("b") && !alternatives.matches("ab") && !alternatives.matches("xb"))
    }

    @Test(arguments: [("45s", 45.0), ("30m", 1_800), ("12h", 43_200), ("90d", 7_776_000), ("2w", 1_209_600), ("1.5h", 5_400),
                      ("0d", 0), ("007m", 420)])
    func durationsAreANumberAndAUnit(text: String, seconds: Double) throws {
        #expect(try retentionDuration(text, option: "--older-than") == seconds)
    }

    @Test(arguments: ["90", "d", "", "90 days", "-1d", "+1d", "1e3s", "90D", "1.5.h", "h1", "٣d", "1y"])
    func anythingElseIsNotADuration(text: String) {
        #expect(throws: SelectionError.invalidDuration(option: "--keep-newer-than", text: text)) {
            try retentionDuration(text, option: "--keep-newer-than")
        }
    }

    @Test func errorsSayWhatToWrite() {
        #expect(SelectionError.invalidDuration(option: "--older-than", text: "90 days").description
            == #"--older-than "90 days" is not a duration; write a number and a unit: 90d, 12h, 30m, 2w"#)
        #expect(SelectionError.missingPublishedTime(file: "inventory.jsonl", line: 7, option: "--older-than").description
            == "inventory.jsonl:7: --older-than needs publishedTime, which this inventory row does not have; export with --published-time, or select without --older-than")
        #expect(SelectionError.invalidPattern(option: "--match", pattern: "(", reason: "r").description
            == #"--match "(" is not a regular expression: r"#)
    }
}
