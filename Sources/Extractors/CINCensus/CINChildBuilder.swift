import CSCCore

/// One `<Child>` while it is being read.
///
/// Its records and issues wait here until `</Child>`: every record needs the
/// child id, and a child without one must load nothing. Records keep the
/// order of their start tags (the child first, then each referral followed by
/// its assessments, plans, enquiries and reviews), so a file always gives the
/// same records in the same order.
struct CINChildBuilder {
    struct PendingRecord {
        var table: CanonicalTable
        var values: [String]
        var line: Int
        /// Index in `referrals` of the CINdetails the record belongs to.
        var referral: Int?
    }

    struct Referral {
        let line: Int
        /// Index of its referrals record in `records`.
        let record: Int
        /// ISO referral date, empty when missing or invalid.
        var date = ""
    }

    /// Line of `<Child>`.
    private(set) var line: Int
    var identifiersLine: Int?
    /// `LAchildID` as written (trimmed); nil until read.
    var childID: String?
    /// `records[0]` is the children record.
    var records: [PendingRecord]
    var referrals: [Referral] = []
    var issues: [Issue] = []
    var disabilities: [String] = []
    var factors: [String] = []
    /// The CINdetails being read.
    var openReferral: Int?
    /// The Assessments, CINPlanDates, Section47 or ChildProtectionPlans being read.
    var openRecord: Int?
    /// cp_reviews records of the open plan, given its start date at `</ChildProtectionPlans>`.
    var planReviews: [Int] = []
    /// `child_id/referral date` of each referral, made once per referral when the child is finished.
    private var referralIDs: [String] = []

    init(line: Int, laCode: String) {
        self.line = line
        var child = CanonicalTable.children.emptyValues()
        child[CanonicalColumns.Children.laCode] = laCode
        records = [PendingRecord(table: .children, values: child, line: line, referral: nil)]
        records.reserveCapacity(16)
    }

    /// Starts the next child, keeping the buffers' capacity: a census has
    /// thousands of children and each would otherwise allocate them afresh.
    mutating func reset(line: Int, laCode: String) {
        self.line = line
        identifiersLine = nil
        childID = nil
        records.removeAll(keepingCapacity: true)
        var child = CanonicalTable.children.emptyValues()
        child[CanonicalColumns.Children.laCode] = laCode
        records.append(PendingRecord(table: .children, values: child, line: line, referral: nil))
        referrals.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        disabilities.removeAll(keepingCapacity: true)
        factors.removeAll(keepingCapacity: true)
        openReferral = nil
        openRecord = nil
        planReviews.removeAll(keepingCapacity: true)
    }

    /// The child id for issues raised so far; empty while unknown.
    var issueChildID: String { childID ?? "" }

    subscript(child column: Int) -> String {
        get { records[0].values[column] }
        set { records[0].values[column] = newValue }
    }

    /// Starts a record at its element's start tag and returns its index.
    mutating func open(_ table: CanonicalTable, line: Int) -> Int {
        records.append(PendingRecord(table: table, values: table.emptyValues(), line: line,
                                     referral: openReferral))
        return records.count - 1
    }

    mutating func startReferral(line: Int) {
        openReferral = referrals.count
        referrals.append(Referral(line: line, record: records.count))
        _ = open(.referrals, line: line)
    }

    /// Sends the child's records and issues to `sink`. A child without an id
    /// gives rule 8500 on itself and `missing-child-id` on each referral, and
    /// no records.
    mutating func finish(file: String, seenChildIDs: inout Set<String>, into sink: RecordSink)
        -> (records: Int, issues: Int) {
        records[0].values[CanonicalColumns.Children.disabilities] = disabilities.joined(separator: ";")
        guard let id = childID, !id.isEmpty else {
            issues.append(Issue(.cinChildIDMissing, dataset: CanonicalTable.children.name, file: file,
                                line: identifiersLine ?? line, column: CINElement.laChildID.rawValue))
            for r in referrals {
                issues.append(Issue(.missingChildID, dataset: CanonicalTable.referrals.name, file: file,
                                    line: r.line, column: CINElement.laChildID.rawValue))
            }
            return (0, report(into: sink, childID: ""))
        }
        if !seenChildIDs.insert(id).inserted {
            issues.append(Issue(.duplicateChild, dataset: CanonicalTable.children.name, file: file, line: line,
                                column: CINElement.laChildID.rawValue, childID: id, value: id))
        }
        referralIDs.removeAll(keepingCapacity: true)
        for r in referrals { referralIDs.append(id + "/" + r.date) }
        for i in records.indices {
            let table = records[i].table
            records[i].values[CINColumns.childID(of: table)] = id
            if let r = records[i].referral, let column = CINColumns.referralID(of: table) {
                records[i].values[column] = referralIDs[r]
            }
            sink.accept(Record(table: table, values: records[i].values,
                               source: SourceLocation(file: file, line: records[i].line)))
        }
        return (records.count, report(into: sink, childID: id))
    }

    /// Issues go out in line order; those raised before the id was read get it now.
    private func report(into sink: RecordSink, childID: String) -> Int {
        let ordered = issues.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }
        for (_, issue) in ordered {
            var issue = issue
            if issue.childID.isEmpty { issue.childID = childID }
            sink.report(issue)
        }
        return issues.count
    }
}
