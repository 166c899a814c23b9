import Journal

extension HTMLReport {
    /// Inline SVG charts; sizes are fixed so that the page looks the same everywhere.
    enum Charts {
        static let colors: [VersionState: String] = [.done: "#2e7d32", .absent: "#607d8b", .changed: "#6a1b9a", .failed: "#c62828",
                                                     .pending: "#ef8f00"]

        /// The CSS class of a state's card: its colour, whatever the operation calls it.
        static func cssClass(_ state: VersionState) -> String { state == .done ? "deleted" : state.stableName }

        /// One horizontal bar per state, scaled to the largest.
        static func states(_ totals: StateCounts, _ data: ReportData) -> String {
            let order = data.shownStates
            let width = 900, barLeft = 90, barMax = 680, rowHeight = 30
            let maxCount = max(1, order.map { totals[$0] }.max() ?? 1)
            var svg = open(width: width, height: rowHeight * order.count + 10, label: "Versions per state")
            for (i, state) in order.enumerated() {
                let y = 5 + i * rowHeight
                let w = totals[state] == 0 ? 0 : max(2, totals[state] * barMax / maxCount)
                svg += "<text x=\"0\" y=\"\(y + 18)\">\(data.stateName(state))</text>"
                svg += "<rect x=\"\(barLeft)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"20\" fill=\"\(colors[state]!)\"/>"
                svg += "<text x=\"\(barLeft + w + 6)\" y=\"\(y + 18)\">\(ReportFormatting.count(totals[state])) (\(ReportFormatting.percent(totals[state], of: totals.total)))</text>\n"
            }
            return svg + "</svg>\n"
        }

        /// Stacked bars per repository (the largest first, at most 15), with a legend.
        static func repositories(_ rows: [ReportData.Breakdown], _ data: ReportData) -> String {
            let order = data.shownStates
            let shown = Array(rows.sorted { ($1.counts.total, $0.name) < ($0.counts.total, $1.name) }.prefix(15))
            let width = 900, barLeft = 260, barMax = 560, rowHeight = 26
            let maxTotal = max(1, shown.map(\.counts.total).max() ?? 1)
            var svg = open(width: width, height: 30 + rowHeight * max(1, shown.count), label: "Versions by repository")
            svg += legend(y: 12, data)
            for (i, row) in shown.enumerated() {
                let y = 28 + i * rowHeight
                var x = barLeft
                svg += "<text x=\"0\" y=\"\(y + 15)\">\(HTMLReport.escape(truncated(row.name, 38)))</text>"
                for state in order where row.counts[state] > 0 {
                    let w = max(1, row.counts[state] * barMax / maxTotal)
                    svg += "<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"18\" fill=\"\(colors[state]!)\"><title>\(data.stateName(state)): \(ReportFormatting.count(row.counts[state]))</title></rect>"
                    x += w
                }
                svg += "<text x=\"\(x + 6)\" y=\"\(y + 15)\">\(ReportFormatting.count(row.counts.total))</text>\n"
            }
            return svg + "</svg>\n"
        }

        /// Versions settled per bucket of active time, as columns (carried out in green over the rest).
        static func throughput(_ t: ReportData.Throughput, _ data: ReportData) -> String {
            let done = data.stateName(.done)
            let width = 900, height = 220, left = 60, bottom = 190, plotHeight = 170
            var svg = open(width: width, height: height, label: "Throughput over active time")
            guard !t.buckets.isEmpty else {
                return svg + "<text x=\"0\" y=\"20\">No answers yet.</text></svg>\n"
            }
            let maxSettled = max(1, t.buckets.map(\.settled).max() ?? 1)
            let slot = Double(width - left - 10) / Double(t.buckets.count)
            svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 10)\" y2=\"\(bottom)\" stroke=\"#90a4ae\"/>"
            svg += "<text x=\"0\" y=\"\(bottom - plotHeight + 10)\">\(ReportFormatting.count(maxSettled))</text>"
            svg += "<text x=\"0\" y=\"\(bottom)\">0</text>"
            for (i, b) in t.buckets.enumerated() {
                let x = Double(left) + Double(i) * slot
                let h = b.settled * plotHeight / maxSettled
                let hd = b.done * plotHeight / maxSettled
                let w = ReportFormatting.coordinate(max(1, slot - 2))
                let title = "<title>\(b.offsetSeconds) s: \(ReportFormatting.count(b.settled)) settled, \(ReportFormatting.count(b.done)) \(done), \(b.answers) answers</title>"
                svg += "<rect x=\"\(ReportFormatting.coordinate(x))\" y=\"\(bottom - h)\" width=\"\(w)\" height=\"\(h)\" fill=\"\(colors[.absent]!)\">\(title)</rect>"
                svg += "<rect x=\"\(ReportFormatting.coordinate(x))\" y=\"\(bottom - hd)\" width=\"\(w)\" height=\"\(hd)\" fill=\"\(colors[.done]!)\">\(title)</rect>\n"
            }
            let total = t.bucketSeconds * t.buckets.count
            svg += "<text x=\"\(left)\" y=\"\(bottom + 18)\">0</text>"
            svg += "<text x=\"\(width - 10)\" y=\"\(bottom + 18)\" text-anchor=\"end\">\(HTMLReport.escape(ReportFormatting.duration(Double(total)))) (bars of \(t.bucketSeconds) s; green: \(done), grey: \(data.shownStates.contains(.changed) ? "the other final states" : "absent or failed"))</text>"
            return svg + "</svg>\n"
        }

        private static func open(width: Int, height: Int, label: String) -> String {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(label)\">\n"
        }

        private static func legend(y: Int, _ data: ReportData) -> String {
            var out = ""
            for (i, state) in data.shownStates.enumerated() {
                let x = 260 + i * 110
                out += "<rect x=\"\(x)\" y=\"\(y - 10)\" width=\"12\" height=\"12\" fill=\"\(colors[state]!)\"/><text x=\"\(x + 16)\" y=\"\(y)\">\(data.stateName(state))</text>"
            }
            return out + "\n"
        }

        private static func truncated(_ text: String, _ limit: Int) -> String {
            text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
        }
    }
}
