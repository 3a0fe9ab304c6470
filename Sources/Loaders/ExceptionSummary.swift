import CSCCore

/// The exception report's two summaries, computed once so that the CSV files
/// and the HTML report show the same figures.
///
/// **By rule**: one row per (rule, severity), counting issues and distinct
/// children (non-empty child ids); the message is the one the rule used most
/// often, ties going to the first seen. `unknown-code` is the exception: the
/// data team needs every distinct unmapped value with its count to extend
/// their mappings, so it is grouped by (rule, severity, dataset, column,
/// value) and each row's message names the value, e.g.
/// `unknown code "WHBR" in Ethnicity (children)`. Rows are sorted by severity
/// (fatal, error, query, warning), then count (highest first), then rule id,
/// then dataset, column and value, then first appearance.
///
/// **By child**: one row per non-empty child id, counting issues by severity
/// (fatal with errors) and listing the distinct rules in first-seen order;
/// sorted by errors, queries and warnings (highest first), then child id.
///
/// Both depend only on the issues and their order, so the same input gives
/// the same rows.
public struct ExceptionSummary: Sendable {
    /// One row of `exceptions_by_rule.csv`.
    public struct RuleRow: Sendable, Hashable {
        public var rule: String
        public var severity: Severity
        public var count: Int
        /// Distinct non-empty child ids among the rule's issues.
        public var children: Int
        public var message: String
        /// For `unknown-code` rows: the dataset, column and value grouped on; nil otherwise.
        public var unknownCode: UnknownCode?
    }

    /// The value an `unknown-code` row is about.
    public struct UnknownCode: Sendable, Hashable {
        public var dataset: String
        public var column: String
        public var value: String
    }

    /// One row of `exceptions_by_child.csv`.
    public struct ChildRow: Sendable, Hashable {
        public var childID: String
        /// Fatal and error issues.
        public var errors: Int
        public var queries: Int
        public var warnings: Int
        /// Distinct rule ids, in the order first seen.
        public var rules: [String]
    }

    public let byRule: [RuleRow]
    public let byChild: [ChildRow]

    public init(_ issues: some Sequence<Issue>) {
        var groups: [GroupKey: RuleGroup] = [:]
        var children: [String: ChildTally] = [:]
        var position = 0
        for issue in issues {
            defer { position += 1 }
            let detail = issue.rule == Rule.unknownCode.id
                ? UnknownCode(dataset: issue.dataset, column: issue.column, value: issue.value) : nil
            let key = GroupKey(rule: issue.rule, severity: issue.severity, unknownCode: detail)
            groups[key, default: RuleGroup(firstSeen: position)].add(issue, at: position)
            if !issue.childID.isEmpty {
                children[issue.childID, default: ChildTally()].add(issue)
            }
        }
        byRule = groups.map { key, group in
            RuleRow(rule: key.rule, severity: key.severity, count: group.count, children: group.children.count,
                    message: key.unknownCode.map(Self.message(for:)) ?? group.commonMessage,
                    unknownCode: key.unknownCode)
        }
        .sorted(by: Self.ruleOrder(firstSeen: groups))
        byChild = children.map { id, tally in
            ChildRow(childID: id, errors: tally.errors, queries: tally.queries, warnings: tally.warnings,
                     rules: tally.rules)
        }
        .sorted { a, b in
            if a.errors != b.errors { return a.errors > b.errors }
            if a.queries != b.queries { return a.queries > b.queries }
            if a.warnings != b.warnings { return a.warnings > b.warnings }
            return a.childID < b.childID
        }
    }

    /// `unknown code "WHBR" in Ethnicity (children)`.
    public static func message(for code: UnknownCode) -> String {
        var text = "unknown code \"\(code.value)\""
        if !code.column.isEmpty { text += " in \(code.column)" }
        if !code.dataset.isEmpty { text += " (\(code.dataset))" }
        return text
    }

    private static func ruleOrder(firstSeen groups: [GroupKey: RuleGroup]) -> (RuleRow, RuleRow) -> Bool {
        { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if a.count != b.count { return a.count > b.count }
            if a.rule != b.rule { return a.rule < b.rule }
            if let x = a.unknownCode, let y = b.unknownCode {
                if x.dataset != y.dataset { return x.dataset < y.dataset }
                if x.column != y.column { return x.column < y.column }
                if x.value != y.value { return x.value < y.value }
            }
            let ka = GroupKey(rule: a.rule, severity: a.severity, unknownCode: a.unknownCode)
            let kb = GroupKey(rule: b.rule, severity: b.severity, unknownCode: b.unknownCode)
            return groups[ka]!.firstSeen < groups[kb]!.firstSeen
        }
    }
}

private struct GroupKey: Hashable {
    var rule: String
    var severity: Severity
    var unknownCode: ExceptionSummary.UnknownCode?
}

private struct RuleGroup {
    let firstSeen: Int
    var count = 0
    var children: Set<String> = []
    /// Message → (uses, first position), to pick the most used one.
    var messages: [String: (uses: Int, first: Int)] = [:]

    init(firstSeen: Int) { self.firstSeen = firstSeen }

    mutating func add(_ issue: Issue, at position: Int) {
        count += 1
        if !issue.childID.isEmpty { children.insert(issue.childID) }
        messages[issue.message, default: (0, position)].uses += 1
    }

    var commonMessage: String {
        messages.min { a, b in
            a.value.uses != b.value.uses ? a.value.uses > b.value.uses : a.value.first < b.value.first
        }?.key ?? ""
    }
}

private struct ChildTally {
    var errors = 0
    var queries = 0
    var warnings = 0
    var rules: [String] = []
    var seenRules: Set<String> = []

    mutating func add(_ issue: Issue) {
        switch issue.severity {
        case .fatal, .error: errors += 1
        case .query: queries += 1
        case .warning: warnings += 1
        }
        if seenRules.insert(issue.rule).inserted { rules.append(issue.rule) }
    }
}
