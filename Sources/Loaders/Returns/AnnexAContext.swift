import CSCCore

/// What every Annex A list is drawn from: the canonical tables indexed by
/// child, the as-of day (the "point of inspection") and the windows the lists
/// look back over, and the template's codes.
struct AnnexAContext {
    let asOf: Day
    let asOfISO: String
    /// The 6 months ending with the as-of day (lists 1–9).
    let sixMonths: ReportingPeriod
    /// The 12 months ending with the as-of day (lists 10–11 and the lists' "in the last 12 months" counts).
    let twelveMonths: ReportingPeriod
    let codes: AnnexATemplateCodes
    let tables: [CanonicalTable: [Record]]
    private let children: [String: Record]
    /// The tables lists look up by child, grouped once (visits serve three lists).
    private let grouped: [CanonicalTable: [String: [Record]]]
    /// Each child's `childCells` and open allocation's cells, made once: a child has a row in several lists.
    private let childColumns: [String: [XLSXOutputCell]]
    private let allocatedColumns: [String: [XLSXOutputCell]]

    init(tables: [CanonicalTable: [Record]], asOf: Day, codes: AnnexATemplateCodes) {
        self.tables = tables
        self.asOf = asOf
        asOfISO = asOf.iso
        sixMonths = Self.window(months: 6, endingOn: asOf)
        twelveMonths = Self.window(months: 12, endingOn: asOf)
        self.codes = codes
        var children: [String: Record] = [:]
        for record in tables[.children] ?? [] where children[record["child_id"]] == nil {
            children[record["child_id"]] = record
        }
        self.children = children
        let lookedUp: [CanonicalTable] = [.referrals, .section47, .cp_plans, .cp_reviews, .visits, .cla_episodes,
                                          .cla_reviews, .missing_episodes, .allocations]
        grouped = Dictionary(uniqueKeysWithValues: lookedUp.map { ($0, Self.byChild(tables[$0] ?? [])) })
        childColumns = children.mapValues { Self.childCells(of: $0, asOf: asOf, codes: codes) }
        let asOfISO = asOfISO
        allocatedColumns = (grouped[.allocations] ?? [:]).mapValues { allocations in
            let open = allocations
                .filter { Self.isOpen(start: $0["start_date"], end: $0["end_date"], on: asOfISO) }
                .max { $0["start_date"] < $1["start_date"] }
            return [Self.text(open?["team"] ?? ""), Self.text(open?["worker_id"] ?? "")]
        }
    }

    /// The `months` months ending with `day`, both ends included (6 months to
    /// 14/11/2025 is 15/05/2025–14/11/2025).
    static func window(months: Int, endingOn day: Day) -> ReportingPeriod {
        ReportingPeriod(start: day.adding(months: -months).adding(days: 1), end: day)
    }

    /// The records of `table`, grouped by child in table order (once, in `init`).
    func byChild(_ table: CanonicalTable) -> [String: [Record]] {
        guard let records = grouped[table] else {
            preconditionFailure("\(table) is not grouped by child: add it to the tables AnnexAContext groups")
        }
        return records
    }

    private static func byChild(_ records: [Record]) -> [String: [Record]] {
        guard let first = records.first else { return [:] }
        let child = first.table.index(of: "child_id")
        var out: [String: [Record]] = [:]
        for record in records { out[record.values[child], default: []].append(record) }
        return out
    }

    /// Whether the ISO date `iso` falls in `period`.
    func isIn(_ iso: String, _ period: ReportingPeriod) -> Bool {
        !iso.isEmpty && iso >= period.startISO && iso <= period.endISO
    }

    /// Whether something that started on `start` and ended on `end` (empty:
    /// still open) was open at some point in `period`.
    func overlaps(start: String, end: String, _ period: ReportingPeriod) -> Bool {
        !start.isEmpty && start <= period.endISO && (end.isEmpty || end >= period.startISO)
    }

    /// Whether something was open on the as-of day.
    func isOpenAtAsOf(start: String, end: String) -> Bool { Self.isOpen(start: start, end: end, on: asOfISO) }

    private static func isOpen(start: String, end: String, on day: String) -> Bool {
        !start.isEmpty && start <= day && (end.isEmpty || end > day)
    }

    // MARK: The child's columns

    /// `Child Unique ID | Gender | Ethnicity | Date of Birth | Age of Child (Years)`.
    func commonCells(_ childID: String) -> [XLSXOutputCell] {
        [.text(childID)] + childCells(childID)
    }

    /// `Gender | Ethnicity | Date of Birth | Age of Child (Years)`: an unborn
    /// child has the expected date of birth and age -1.
    func childCells(_ childID: String) -> [XLSXOutputCell] { childColumns[childID] ?? [.empty, .empty, .empty, .empty] }

    private static func childCells(of child: Record, asOf: Day, codes: AnnexATemplateCodes) -> [XLSXOutputCell] {
        let gender = XLSXOutputCell.text(codes.code(.gender, child["sex"]))
        let ethnicity = XLSXOutputCell.text(codes.code(.ethnicity, child["ethnicity"]))
        if let born = Day(iso: child["birth_date"]), born <= asOf {
            return [gender, ethnicity, .date(born), .number(asOf.age(since: born))]
        }
        let expected = Day(iso: child["birth_date"]) ?? Day(iso: child["expected_birth_date"])
        return [gender, ethnicity, expected.map(XLSXOutputCell.date) ?? .empty, expected == nil ? .empty : .number(-1)]
    }

    /// `Does the Child have a Disability`: recorded disabilities are Yes, `NONE` is No.
    func disability(_ childID: String) -> XLSXOutputCell {
        let recorded = children[childID]?["disabilities"] ?? ""
        if recorded.isEmpty { return .empty }
        return .text(codes.yesNo(recorded == "NONE" ? "0" : "1"))
    }

    /// `Unaccompanied Asylum Seeking Child (UASC)`: the child's flag as Yes/No.
    func uasc(_ childID: String) -> XLSXOutputCell { text(codes.yesNo(children[childID]?["uasc"] ?? "")) }

    /// `Allocated Team | Allocated Worker`: the allocation open on the as-of
    /// day (the latest started, when several are), else the row's own.
    func allocated(_ childID: String, team: String = "", worker: String = "") -> [XLSXOutputCell] {
        if !team.isEmpty || !worker.isEmpty { return [text(team), text(worker)] }
        return allocatedColumns[childID] ?? [.empty, .empty]
    }

    // MARK: Cells

    func text(_ value: String) -> XLSXOutputCell { Self.text(value) }

    private static func text(_ value: String) -> XLSXOutputCell { value.isEmpty ? .empty : .text(value) }

    func date(_ iso: String) -> XLSXOutputCell { Day(iso: iso).map(XLSXOutputCell.date) ?? text(iso) }

    func number(_ value: String) -> XLSXOutputCell { Int(value).map(XLSXOutputCell.number) ?? text(value) }

    func code(_ field: AnnexATemplateCodes.Field, _ canonical: String) -> XLSXOutputCell {
        text(codes.code(field, canonical))
    }

    func yesNo(_ flag: String) -> XLSXOutputCell { text(codes.yesNo(flag)) }

    func yesNo(_ flag: Bool) -> XLSXOutputCell { yesNo(flag ? "1" : "0") }

    /// The latest ISO date among `dates` on or before the as-of day.
    func latest(_ dates: some Sequence<String>, onOrAfter earliest: String = "") -> String {
        var best = ""
        for d in dates where !d.isEmpty && d <= asOfISO && d >= earliest && d > best { best = d }
        return best
    }
}
