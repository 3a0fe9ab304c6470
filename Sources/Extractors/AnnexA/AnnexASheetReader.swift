import CSCCore

/// Reads the data rows of one list sheet, once its heading row is known,
/// into canonical records: the list's own table, `children` from the common
/// columns, and the visits and reviews some lists carry.
struct AnnexASheetReader {
    let list: AnnexAList
    let sheet: String
    let file: String
    let labels: AnnexALabels
    let year: CollectionYear
    let sink: RecordSink
    /// For each sheet column (0-based), the Annex A column it holds.
    let layout: [Int: AnnexAColumn]
    /// The headings as written, by sheet column, for issue columns.
    let headings: [Int: String]
    private(set) var rows = 0
    /// Codes already looked up, by sheet column and text: a list repeats a
    /// handful of labels down thousands of rows.
    private var resolved: [ResolvedKey: String?] = [:]

    /// Column positions of the list's table and of `children`, looked up once
    /// rather than per value (`Record`'s by-name subscript searches the columns).
    private let mainColumns: [String: Int]
    private static let childColumns: [String: Int] = Self.positions(.children)

    private static func positions(_ table: CanonicalTable) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
    }

    private struct ResolvedKey: Hashable {
        let column: Int
        let text: String
    }

    init(list: AnnexAList, sheet: String, file: String, labels: AnnexALabels, year: CollectionYear, sink: RecordSink,
         layout: [Int: AnnexAColumn], headings: [Int: String]) {
        self.list = list
        self.sheet = sheet
        self.file = file
        self.labels = labels
        self.year = year
        self.sink = sink
        self.layout = layout
        self.headings = headings
        mainColumns = Self.positions(list.table)
    }

    /// Issues name the cell's sheet and column letter, then the heading: `List 3!F (Date of referral)`.
    private func columnName(_ column: Int) -> String {
        "\(sheet)!\(XLSXCellReference.letters(column)) (\(headings[column] ?? ""))"
    }

    mutating func read(_ row: XLSXRow) {
        let dataset = list.table.name
        var id = ""
        var idColumn: Int?
        var values: [(column: AnnexAColumn, text: String)] = []
        var raw: [(column: Int, value: XLSXValue)] = []
        for cell in row.cells {
            guard let column = layout[cell.column] else { continue }
            raw.append((cell.column, cell.value))
            if column.kind == .id {
                idColumn = cell.column
                id = AnnexAText.cleaned(cell.value.text)
            }
        }
        // Notes typed below the list, in columns it does not use, are not data.
        guard !raw.isEmpty else { return }
        rows += 1
        guard !id.isEmpty else {
            let column = idColumn ?? layout.first(where: { $0.value.kind == .id })?.key ?? 0
            sink.report(Issue(.missingChildID, dataset: dataset, file: file, line: row.number,
                              column: columnName(column), value: ""))
            return
        }
        for (sheetColumn, value) in raw {
            let column = layout[sheetColumn]!
            guard column.kind != .id else { continue }
            if let text = convert(value, as: column.kind, sheetColumn: sheetColumn, row: row.number, childID: id) {
                values.append((column, text))
            }
        }
        emit(id: id, values: values, row: row.number)
    }

    /// The canonical text of one cell, or nil (with an issue when it could not be read).
    private mutating func convert(_ value: XLSXValue, as kind: AnnexAColumn.Kind, sheetColumn: Int, row: Int,
                                  childID: String) -> String? {
        let dataset = list.table.name
        func report(_ rule: Rule, _ message: String? = nil) -> String? {
            sink.report(Issue(rule, dataset: dataset, file: file, line: row, column: columnName(sheetColumn),
                              childID: childID, value: value.text, message: message))
            return nil
        }
        if case .error(let e) = value {
            return report(.badValue, "the cell holds the spreadsheet error \(e), not a value")
        }
        switch kind {
        case .id, .text:
            let s = AnnexAText.cleaned(value.text)
            return s.isEmpty ? nil : s
        case .date:
            switch value {
            case .date(_, let day?): return day.iso
            case .date: return report(.badDate, "the cell's date serial is not a real day (Excel's 29/02/1900 or out of range)")
            case .number(let serial):
                guard let day = XLSXSerialDate.day(serial: serial) else { return report(.badDate) }
                return day.iso
            case .text(let s):
                let t = AnnexAText.cleaned(s)
                if t.isEmpty { return nil }
                guard let day = AnnexADateText.day(t) else {
                    return report(.badDate, "not a valid date (Annex A dates are DD/MM/YYYY)")
                }
                return day.iso
            case .bool, .error: return report(.badDate)
            }
        case .number:
            switch value {
            case .number(let d): return XLSXValue.numberText(d.rounded(.towardZero))
            case .text(let s):
                let t = AnnexAText.cleaned(s)
                if t.isEmpty { return nil }
                if let n = Int(t) { return String(n) }
                if let d = Double(t), d.isFinite { return XLSXValue.numberText(d.rounded(.towardZero)) }
                return report(.badValue, "not a number")
            default: return report(.badValue, "not a number")
            }
        case .yesNo:
            if case .bool(let b) = value { return b ? "1" : "0" }
            let t = AnnexAText.cleaned(value.text)
            if t.isEmpty { return nil }
            guard let v = resolve(t, column: sheetColumn, codeList: nil, labels: "yes_no") else {
                return report(.unknownCode, "not Yes or No (annex_a_yes_no.csv lists the answers accepted)")
            }
            return v == AnnexALabels.unknown ? nil : v
        case .code(let codeList, let labelTable):
            let t = AnnexAText.cleaned(value.text)
            if t.isEmpty { return nil }
            guard let v = resolve(t, column: sheetColumn, codeList: codeList, labels: labelTable) else {
                let lists = [labelTable.map { "annex_a_\($0).csv" }, codeList.map { "\($0).csv" }].compactMap { $0 }
                return report(.unknownCode, "unknown code for \(year) (looked up in \(lists.joined(separator: " and ")))")
            }
            return v == AnnexALabels.unknown ? nil : v
        }
    }

    private mutating func resolve(_ text: String, column: Int, codeList: String?, labels table: String?) -> String? {
        let key = ResolvedKey(column: column, text: text)
        if let known = resolved[key] { return known }
        let value = labels.resolve(text, codeList: codeList, labels: table)
        // A sheet of free text typed into a code column must not grow the cache without end.
        if resolved.count < 10_000 { resolved[key] = value }
        return value
    }

    private func emit(id: String, values: [(column: AnnexAColumn, text: String)], row: Int) {
        let source = SourceLocation(file: file, line: "\(sheet)!A\(row)")
        var main = Record(list.table, source: source)
        var child = Record(.children, source: source)
        var unborn = false
        var visitDate = "", visitKind = "", seenAlone = "", worker = "", reviewDate = ""
        var episodeStarts: [Int: String] = [:]
        for (column, text) in values {
            switch column.target {
            case .row(let name): main.values[mainColumns[name]!] = text
            case .child(let name):
                child.values[Self.childColumns[name]!] = name == "disabilities" ? (text == "0" ? "NONE" : "") : text
            case .age: unborn = text == "-1"
            case .visit(let kind):
                visitDate = text
                visitKind = kind
            case .seenAlone: seenAlone = text
            case .worker: worker = text
            case .review: reviewDate = text
            case .episodeStart(let rank):
                if let held = episodeStarts[rank], held >= text { continue }
                episodeStarts[rank] = text
            case .checkedOnly: continue
            }
        }
        if list == .adopters {
            main["adopter_id"] = id
            sink.accept(main)
            return
        }
        main["child_id"] = id
        child["child_id"] = id
        if unborn {
            // The template asks for the expected date of birth of an unborn child, with Age -1.
            child["expected_birth_date"] = child["birth_date"]
            child["birth_date"] = ""
        }
        switch list {
        case .referrals, .childrenInNeed:
            let date = main["referral_date"]
            if !date.isEmpty { main["referral_id"] = "\(id)/\(date)" }
        case .childrenInCare:
            // Each change of legal status or placement starts a new SSDA903 episode: the
            // latest of those dates is the current episode's, else the period's start.
            main["start_date"] = episodeStarts[1] ?? episodeStarts[0] ?? ""
        case .careLeavers:
            main["year"] = year.description
            main["birth_date"] = child["birth_date"]
        default: break
        }
        sink.accept(child)
        sink.accept(main)
        if !visitDate.isEmpty {
            var visit = Record(.visits, source: source)
            visit["child_id"] = id
            visit["visit_date"] = visitDate
            visit["kind"] = visitKind
            visit["seen_alone"] = seenAlone
            // Lists 3, 4 and 6 keep the worker on their own row; the others only on the visit.
            visit["worker"] = worker.isEmpty && list.table.columns.contains("worker") ? main["worker"] : worker
            sink.accept(visit)
        }
        if !reviewDate.isEmpty {
            if list == .childProtection {
                var review = Record(.cp_reviews, source: source)
                review["child_id"] = id
                review["plan_start_date"] = main["start_date"]
                review["review_date"] = reviewDate
                sink.accept(review)
            } else if list == .childrenInCare {
                var review = Record(.cla_reviews, source: source)
                review["child_id"] = id
                review["review_date"] = reviewDate
                sink.accept(review)
            }
        }
    }
}
