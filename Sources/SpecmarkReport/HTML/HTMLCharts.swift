import Foundation
import SpecmarkContract

/// The HTML report's charts as geometry: the reporter computes every length here and the template only places the
/// SVG elements, so the charts escape their labels like the rest of the page and need no script to draw.
enum HTMLCharts {
    /// A horizontal bar chart: a label, a bar and a count per row, each row a link.
    struct BarChart: Sendable {
        struct Bar: Sendable {
            var label: String
            var href: String
            var count: Int
            var tone: String
            var y: Int
            var textY: Int
            var length: Int
            var countX: Int
        }

        var width: Int
        var height: Int
        var labelX: Int
        var barX: Int
        var barHeight: Int
        var bars: [Bar]
        var summary: String

        /// Bars for `rows` (label, link, count, tone), longest first as given, scaled to the largest count.
        init(rows: [(label: String, href: String, count: Int, tone: String)], summary: String) {
            let rowHeight = 22
            barHeight = 16
            let longestLabel = rows.map(\.label.count).max() ?? 0
            labelX = min(360, 12 + longestLabel * 7)
            barX = labelX + 8
            let barSpace = 420
            width = barX + barSpace + 60
            height = max(rowHeight, rows.count * rowHeight + 4)
            let largest = max(1, rows.map(\.count).max() ?? 1)
            var bars: [Bar] = []
            for (index, row) in rows.enumerated() {
                let length = max(2, row.count * barSpace / largest)
                let y = 2 + index * rowHeight
                bars.append(
                    Bar(
                        label: row.label, href: row.href, count: row.count, tone: row.tone, y: y, textY: y + 13,
                        length: length, countX: barX + length + 6))
            }
            self.bars = bars
            self.summary = summary
        }
    }

    /// A grid of counts, rows by columns, each cell shaded by its count on a logarithmic scale of six steps.
    struct HeatMap: Sendable {
        struct Column: Sendable {
            var label: String
            var textX: Int
        }

        struct Cell: Sendable {
            var x: Int
            var count: Int
            var level: Int
            var textX: Int
            var title: String
            var isEmpty: Bool
        }

        struct Row: Sendable {
            var label: String
            var detail: String
            var y: Int
            var textY: Int
            var cells: [Cell]
        }

        var width: Int
        var height: Int
        var labelX: Int
        var cellWidth: Int
        var cellHeight: Int
        var headerY: Int
        var columns: [Column]
        var rows: [Row]
        var summary: String

        /// A map of `counts[row][column]`; `rowDetails` go in each row's tooltip.
        init(
            rowLabels: [String], rowDetails: [String], columnLabels: [String], counts: [[Int]], summary: String
        ) {
            let cellWidth = 64
            let cellHeight = 22
            self.cellWidth = cellWidth
            self.cellHeight = cellHeight
            let longestLabel = rowLabels.map(\.count).max() ?? 0
            labelX = min(300, 12 + longestLabel * 7)
            // Column labels stand at 45°, so the header needs about as much height as the longest is long.
            let longestColumn = columnLabels.map(\.count).max() ?? 0
            let headerY = 16 + longestColumn * 5
            self.headerY = headerY
            let gridX = labelX + 8
            width = gridX + columnLabels.count * cellWidth + 16
            height = headerY + 8 + rowLabels.count * cellHeight
            columns = columnLabels.enumerated().map { index, label in
                let x = gridX + index * cellWidth
                return Column(label: label, textX: x + cellWidth / 2)
            }
            let largest = max(1, counts.flatMap { $0 }.max() ?? 1)
            var rows: [Row] = []
            for (rowIndex, label) in rowLabels.enumerated() {
                let y = headerY + 8 + rowIndex * cellHeight
                let cells = columnLabels.indices.map { column -> Cell in
                    let count = counts[rowIndex][column]
                    let x = gridX + column * cellWidth
                    return Cell(
                        x: x, count: count, level: Self.level(count, largest: largest), textX: x + cellWidth / 2,
                        title: "\(label) · \(columnLabels[column]): \(count)", isEmpty: count == 0)
                }
                rows.append(
                    Row(label: label, detail: rowDetails[rowIndex], y: y, textY: y + 15, cells: cells))
            }
            self.rows = rows
            self.summary = summary
        }

        /// 0 for none, then 1…5 by where the count falls between 1 and the largest on a logarithmic scale.
        static func level(_ count: Int, largest: Int) -> Int {
            guard count > 0 else { return 0 }
            guard largest > 1 else { return 5 }
            let share = log(Double(count)) / log(Double(largest))
            return min(5, 1 + Int(share * 4.999))
        }
    }

    /// A bar filled to a share.
    struct ShareBar: Sendable {
        var text: String
        var width: Int
        var filled: Int

        init(_ share: MetadataCoverage.Share, width: Int = 160) {
            text = share.description
            self.width = width
            filled = share.total == 0 ? 0 : share.covered * width / share.total
        }
    }

    /// One bar cut into parts (passed, failed, skipped, error), each as long as its share.
    struct StackedBar: Sendable {
        struct Segment: Sendable {
            var x: Int
            var length: Int
            var tone: String
            var title: String
        }

        var width: Int
        var segments: [Segment]

        init(parts: [(count: Int, tone: String, title: String)], width: Int = 240) {
            self.width = width
            let total = max(1, parts.reduce(0) { $0 + $1.count })
            // Each segment ends where its running total falls, so together they fill the width and no more.
            var counted = 0
            var segments: [Segment] = []
            for part in parts where part.count > 0 {
                let x = counted * width / total
                counted += part.count
                segments.append(
                    Segment(
                        x: x, length: counted * width / total - x, tone: part.tone,
                        title: "\(part.count) \(part.title)"))
            }
            self.segments = segments
        }
    }
}
