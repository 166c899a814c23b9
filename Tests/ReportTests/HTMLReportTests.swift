@testable import Report
import Journal
import Model
import Plan
import Testing
import TestSupport

/// Pins the HTML report: the golden rendering of the fixture, a page that fetches nothing, text
/// from journals and plans escaped wherever it appears, and charts and tables of bounded size.
@Suite struct HTMLReportTests {
    @Test func htmlIsSelfContained() throws {
        let data = try ReportData(sources: [try ReportFixture.source()])
        let html = HTMLReport.render(data)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        // The only URLs: the SVG namespace and the endpoint the run used.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") || $0.hasPrefix("://127.0.0.1:4566") })
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        try assertSnapshot(html, named: "fixture.html")
    }

    @Test func escapesEveryCharacterThatCouldEndTextOrAnAttribute() {
        #expect(HTMLReport.escape(#"<a href="x" title='y'>&amp;</a>"#)
            == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLReport.escape("ünïcode 名前 🎉") == "ünïcode 名前 🎉")
    }

    /// Messages come from the service and names from the manifest: none of them becomes markup.
    @Test func textFromTheJournalIsEscapedWhereverItAppears() throws {
        let hostile = "<script>alert('x')</script>"
        let records: [JournalRecord] = [
            .header(JournalHeader(planSHA256: ReportFixture.planSHA, cabatchVersion: "0.1.0", startTime: ReportFixture.at(0))),
            ReportFixture.answer(2, 1, 1, latency: 10, [VersionResult("4.17.0", .failed(code: "<b>CODE</b>", message: hostile))]),
        ]
        let html = HTMLReport.render(try ReportData(sources: [try ReportFixture.source(planName: "<i>.plan", records: records)]))
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;CODE&lt;/b&gt;"))
        #expect(html.contains("<code>&lt;i&gt;.plan</code>"))
    }

    @Test func tablesStopAtTheRowLimitAndChartsAtFifteenBars() throws {
        let data = try MarkdownReportTests.manyRepositories(25)
        let html = HTMLReport.render(data)
        #expect(html.contains("<tr><td colspan=\"5\">… 5 more</td></tr>"))
        #expect(!html.contains("<td>d0/repo-20</td>"))
        let chart = HTMLReport.Charts.repositories(data.byRepository, data)
        #expect(chart.components(separatedBy: "<text x=\"0\"").count - 1 == 15)
        // The largest first: repo-24 holds the most versions.
        #expect(chart.contains(">d0/repo-24</text>") && !chart.contains(">d0/repo-09</text>"))
    }

    @Test func chartsOfNothingSaySo() throws {
        let none = try ReportData(sources: [])
        let empty = HTMLReport.Charts.throughput(ReportData.Throughput(bucketSeconds: 1, buckets: []), none)
        #expect(empty.contains("No answers yet."))
        var totals = StateCounts()
        totals.pending = 5
        let states = HTMLReport.Charts.states(totals, none)
        #expect(states.contains("width=\"0\" height=\"20\" fill=\"#2e7d32\""), "no done versions: no bar")
        #expect(states.contains("width=\"680\" height=\"20\" fill=\"#ef8f00\""), "the largest state fills the bar")
        #expect(states.contains(">5 (100.0%)</text>"))
    }
}
