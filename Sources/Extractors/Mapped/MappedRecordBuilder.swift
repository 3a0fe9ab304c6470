import CSCCore

/// Turns export records into canonical records as one mapping says: filters,
/// then each column's text, date or label, with an issue for every value
/// that cannot be read (left empty; the record still loads) and no record
/// for a row without a child id.
struct MappedRecordBuilder {
    let export: MappedExport
    let file: String
    let sink: RecordSink
    /// Where records go: `sink`, or a segment's buffer without a copy.
    private let target: CSVRecordTarget
    /// Owns `steps`, `formats`, `layouts` and `row`.
    private let storage: Storage
    /// The columns in reading order, child id first, as plain values: the hot
    /// loop reads them through one pointer, so no reference is counted per cell.
    private let steps: UnsafeMutableBufferPointer<Step>
    /// The column's name in the export, for issues, by step.
    private let names: [String]
    /// Every date format of the mapping, back to back; a date step reads `formats[slot..<slot + count]`.
    private let formats: UnsafeMutableBufferPointer<MappedDateFormat>
    /// Each format's fixed layout, by the same slot: a plain value, read with no reference counted.
    private let layouts: UnsafeMutableBufferPointer<MappedFixedDateLayout?>
    /// The record being built, one slot per canonical column: written in
    /// place by the steps (a closure writing into the record's array would
    /// copy this builder on every row), then moved into the record.
    private let row: UnsafeMutablePointer<String>
    /// The value maps; a values step reads map `slot`, a constant step the text `slot`.
    private let codes: MappedCodeTables
    private let constants: [String]
    private let filterCells: [Int]
    private let filterMaps: [MappedValueMap]
    private let filterExcludes: [Bool]
    private let childColumn: Int
    private let childName: String
    private let childRequired: Bool
    private let table: CanonicalTable
    /// For referrals: the `referral_id` and `referral_date` columns, to derive an id the export does not give.
    private let referralID: (id: Int, date: Int)?
    private let isoDates = ISODateTexts()
    private(set) var records = 0
    private(set) var filteredOut = 0

    /// `cells[i]` is the export cell of `export.sources[i]` (nil when absent); `names[i]` its name for issues.
    init(export: MappedExport, cells: [Int?], names: [String], file: String, sink: RecordSink) {
        self.export = export
        self.file = file
        self.sink = sink
        target = CSVRecordTarget(sink)
        let table = export.table
        let child = table.columns.firstIndex(of: "child_id")
        var entries: [(column: MappedColumn, cell: Int, name: String)] = []
        var s = 0
        for column in export.columns {
            if column.source != nil {
                entries.append((column, cells[s] ?? -1, names[s]))
                s += 1
            } else {
                entries.append((column, -1, column.canonical))
            }
        }
        // The child id first, so that every issue of the record can name the child.
        entries.sort { (table.index(of: $0.column.canonical) == child ? 0 : 1) < (table.index(of: $1.column.canonical) == child ? 0 : 1) }
        var steps: [Step] = [], formats: [MappedDateFormat] = [], maps: [MappedValueMap] = [], constants: [String] = []
        for entry in entries {
            let target = table.index(of: entry.column.canonical)
            switch entry.column.conversion {
            case .text:
                steps.append(Step(kind: .text, target: target, cell: entry.cell, slot: 0, count: 0))
            case .date(let list):
                steps.append(Step(kind: .date, target: target, cell: entry.cell, slot: formats.count, count: list.count))
                formats += list
            case .values(let map):
                steps.append(Step(kind: .values, target: target, cell: entry.cell, slot: maps.count, count: 0))
                maps.append(map)
            case .constant(let value):
                steps.append(Step(kind: .constant, target: target, cell: -1, slot: constants.count, count: 0))
                constants.append(value)
            }
        }
        storage = Storage(steps: steps, formats: formats, width: table.columnCount)
        self.steps = storage.steps
        row = storage.row
        self.formats = storage.formats
        layouts = storage.layouts
        codes = MappedCodeTables(maps)
        self.constants = constants
        self.names = entries.map(\.name)
        filterCells = export.filters.indices.map { cells[s + $0] ?? -1 }
        filterMaps = export.filters.map { MappedValueMap(entries: $0.values.map { .init(label: $0, code: $0) }) }
        filterExcludes = export.filters.map(\.exclude)
        childColumn = child ?? -1
        childName = entries.first { child != nil && table.index(of: $0.column.canonical) == child }?.name ?? "child_id"
        childRequired = child != nil && table != .audits
        self.table = table
        referralID = table == .referrals ? (table.index(of: "referral_id"), table.index(of: "referral_date")) : nil
    }

    /// Builds the record of `cells`, read from `line`, and sends it (or its issues) to the sink.
    mutating func add<Cells: MappedCells>(_ cells: Cells, line: Int) {
        for f in filterCells.indices {
            let cell = filterCells[f]
            let listed = cell >= 0 ? cells.withCell(cell) { filterMaps[f].contains($0) } : false
            if listed == filterExcludes[f] {
                filteredOut += 1
                return
            }
        }
        let row = self.row
        let childID = fill(row, from: cells, line: line)
        // The values move from the row into the record's own array, leaving the row empty for the next record.
        var values = table.emptyValues()
        values.withUnsafeMutableBufferPointer { record in
            for i in record.indices { swap(&record[i], &row[i]) }
        }
        if let (id, date) = referralID, values[id].isEmpty, !childID.isEmpty, !values[date].isEmpty {
            // As the CIN census reader does, so that the same referral from either source merges.
            values[id] = childID + "/" + values[date]
        }
        if childRequired, childID.isEmpty {
            sink.report(Issue(.missingChildID, dataset: table.name, file: file, line: line, column: childName))
            return
        }
        records += 1
        target.accept(Record(table: table, values: values,
                             source: SourceLocation(file: file, line: line)))
    }

    /// Writes the value of each step into `row` (a record's values, all
    /// empty), reporting what cannot be read, and returns the child id.
    @inline(__always)
    private func fill<Cells: MappedCells>(_ row: UnsafeMutablePointer<String>, from cells: Cells, line: Int) -> String {
        var childID = ""
        let codes = self.codes, formats = self.formats, layouts = self.layouts, isoDates = self.isoDates
        for i in 0..<steps.count {
            let step = steps[i]
            // Nil: the step leaves the column as it is (an absent column, an empty or unreadable date, an unlisted label).
            var value: String?
            switch step.kind {
            case .constant:
                value = constants[step.slot]
            case .text:
                if step.cell >= 0 {
                    value = cells.withCell(step.cell) { CellBytes.string(CellBytes.trimmed($0)) }
                }
            case .values:
                guard step.cell >= 0 else { break }
                let text = cells.withCell(step.cell) { codes.value(step.slot, CellBytes.trimmed($0)) }
                if text == MappedCodeTables.unlisted {
                    reportUnknownLabel(cells, step, i, line: line, childID: childID)
                } else {
                    value = codes.texts[Int(text)]
                }
            case .date:
                guard step.cell >= 0 else { break }
                let date: (year: Int, month: Int, day: Int) = cells.withCell(step.cell) { raw in
                    let bytes = CellBytes.trimmed(raw)
                    if bytes.isEmpty { return Self.noDate }
                    for f in step.slot..<(step.slot + step.count) {
                        if let layout = layouts[f] {
                            if let date = MappedDateFormat.civil(bytes, layout: layout) { return date }
                        } else if let date = formats[f].civil(bytes) {
                            return date
                        }
                    }
                    return Self.badDate
                }
                if date.year == Self.badDate.year {
                    reportBadDate(cells, step, i, line: line, childID: childID)
                } else if date.year != Self.noDate.year {
                    value = isoDates.text(year: date.year, month: date.month, day: date.day)
                }
            }
            guard let value else { continue }
            if step.target == childColumn { childID = value }
            row[step.target] = value
        }
        return childID
    }

    private func reportBadDate<Cells: MappedCells>(_ cells: Cells, _ step: Step, _ i: Int, line: Int, childID: String) {
        let written = cells.string(step.cell)
        let patterns = formats[step.slot..<(step.slot + step.count)].map(\.pattern).joined(separator: " or ")
        sink.report(Issue(.badDate, dataset: export.table.name, file: file, line: line, column: names[i],
                          childID: childID, value: written,
                          message: "`\(written)` is not a date written \(patterns) "
                            + "as \(export.mappingFile) says; \(names[i]) is left empty"))
    }

    private func reportUnknownLabel<Cells: MappedCells>(_ cells: Cells, _ step: Step, _ i: Int, line: Int, childID: String) {
        let written = cells.string(step.cell)
        sink.report(Issue(.unknownCode, dataset: export.table.name, file: file, line: line, column: names[i],
                          childID: childID, value: written,
                          message: "`\(written)` is not a label \(export.mappingFile) maps for "
                            + "\(export.table.columns[step.target]); add it to the mapping's values"))
    }

    /// What a date cell read as when it holds no date: empty, or not a date in any of the column's formats.
    private static let noDate = (year: 0, month: 0, day: 0)
    private static let badDate = (year: -1, month: 0, day: 0)

    /// One canonical column: where it is written, which cell it reads and how.
    private struct Step {
        var kind: Kind
        /// The canonical column written.
        var target: Int
        /// The export cell read; -1 for a constant or an absent optional column.
        var cell: Int
        /// Dates: the first of its formats; values: its map; constants: its text.
        var slot: Int
        /// Dates: how many formats.
        var count: Int
    }

    private enum Kind {
        case text, date, values, constant
    }

    private final class Storage {
        let steps: UnsafeMutableBufferPointer<Step>
        let formats: UnsafeMutableBufferPointer<MappedDateFormat>
        let layouts: UnsafeMutableBufferPointer<MappedFixedDateLayout?>

        let row: UnsafeMutablePointer<String>
        let width: Int

        init(steps: [Step], formats: [MappedDateFormat], width: Int) {
            self.width = width
            row = .allocate(capacity: width)
            row.initialize(repeating: "", count: width)
            self.steps = .allocate(capacity: steps.count)
            _ = self.steps.initialize(from: steps)
            self.formats = .allocate(capacity: formats.count)
            _ = self.formats.initialize(from: formats)
            layouts = .allocate(capacity: formats.count)
            _ = layouts.initialize(from: formats.map(\.layout))
        }

        deinit {
            steps.deallocate()
            formats.deinitialize()
            formats.deallocate()
            layouts.deallocate()
            row.deinitialize(count: width)
            row.deallocate()
        }
    }
}
