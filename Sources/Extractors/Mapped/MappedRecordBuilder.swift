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
    /// Owns `steps` and `formats`.
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
    /// The canonical columns no step writes: empty in every record.
    private let unwritten: UnsafeMutableBufferPointer<Int>
    /// The value maps; a values step reads map `slot`, a constant step the text `slot`.
    private let codes: MappedCodeTables
    private let constants: [String]
    private let filterCells: [Int]
    private let filterMaps: [MappedValueMap]
    private let filterExcludes: [Bool]
    private let childColumn: Int
    private let childName: String
    private let childRequired: Bool
    private let width: Int
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
        var seen = Set<Int>()
        for i in steps.indices { steps[i].first = seen.insert(steps[i].target).inserted }
        storage = Storage(steps: steps, formats: formats, width: table.columns.count)
        self.steps = storage.steps
        self.formats = storage.formats
        layouts = storage.layouts
        unwritten = storage.unwritten
        codes = MappedCodeTables(maps)
        self.constants = constants
        self.names = entries.map(\.name)
        filterCells = export.filters.indices.map { cells[s + $0] ?? -1 }
        filterMaps = export.filters.map { MappedValueMap(entries: $0.values.map { .init(label: $0, code: $0) }) }
        filterExcludes = export.filters.map(\.exclude)
        childColumn = child ?? -1
        childName = entries.first { child != nil && table.index(of: $0.column.canonical) == child }?.name ?? "child_id"
        childRequired = child != nil && table != .audits
        width = table.columns.count
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
        var childID = ""
        let codes = self.codes, formats = self.formats, layouts = self.layouts, isoDates = self.isoDates
        let steps = self.steps, childColumn = self.childColumn, unwritten = self.unwritten, width = self.width
        // Each slot is initialised once, straight with its value: no empty
        // String is stored first only to be released when the value comes.
        var values = [String](unsafeUninitializedCapacity: width) { slots, initialized in
            let base = slots.baseAddress!
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
                guard let value else {
                    if step.first { (base + step.target).initialize(to: "") }
                    continue
                }
                if step.target == childColumn { childID = value }
                if step.first {
                    (base + step.target).initialize(to: value)
                } else {
                    base[step.target] = value
                }
            }
            for t in unwritten { (base + t).initialize(to: "") }
            initialized = width
        }
        if let (id, date) = referralID, values[id].isEmpty, !childID.isEmpty, !values[date].isEmpty {
            // As the CIN census reader does, so that the same referral from either source merges.
            values[id] = childID + "/" + values[date]
        }
        if childRequired, childID.isEmpty {
            sink.report(Issue(.missingChildID, dataset: export.table.name, file: file, line: line, column: childName))
            return
        }
        records += 1
        target.accept(Record(table: export.table, values: values,
                             source: SourceLocation(file: file, line: LineText.decimal(line))))
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
        /// The first step that writes `target`: it sets the column, even to empty; later ones only replace it with a value.
        var first = false
    }

    private enum Kind {
        case text, date, values, constant
    }

    private final class Storage {
        let steps: UnsafeMutableBufferPointer<Step>
        let formats: UnsafeMutableBufferPointer<MappedDateFormat>
        let layouts: UnsafeMutableBufferPointer<MappedFixedDateLayout?>

        let unwritten: UnsafeMutableBufferPointer<Int>

        init(steps: [Step], formats: [MappedDateFormat], width: Int) {
            let targets = Set(steps.map(\.target))
            let unwritten = (0..<width).filter { !targets.contains($0) }
            self.unwritten = .allocate(capacity: unwritten.count)
            _ = self.unwritten.initialize(from: unwritten)
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
            unwritten.deallocate()
        }
    }
}
