import CSCCore

/// The rules the mapped-export reader raises besides the common input rules
/// (`bad-date`, `unknown-code`, `missing-child-id`).
extension Rule {
    public static let mappedColumnMissing = Rule(
        id: "mapped-column-missing", severity: .fatal,
        message: "a column the mapping needs is not in the export's header, so the file is not read",
        hint: "re-export with the column, or fix its `source:` (or `pattern:`) in the mapping file; "
            + "mark it `optional: true` if the export may leave it out")
    public static let mappedColumnAbsent = Rule(
        id: "mapped-column-absent", severity: .warning,
        message: "an optional column of the mapping is not in the export's header; its values are left empty",
        hint: "nothing else is affected; re-export with the column if the values matter")
    public static let mappedRecordPathMissing = Rule(
        id: "mapped-record-path", severity: .fatal,
        message: "the XML export does not start with the record path its mapping names, so it is not read",
        hint: "check the mapping's `record:` against the export's elements (`cscpipe inspect FILE`)")

    /// Every rule the mapped-export reader can raise itself, for `cscpipe rules`.
    public static let mappedRules: [Rule] = [.mappedColumnMissing, .mappedColumnAbsent, .mappedRecordPathMissing]
}
