import CSCCore

/// The rules the SSDA903 reader raises besides the readers' common ones
/// (`bad-date`, `unknown-code`, `missing-child-id`, ...).
extension Rule {
    public static let unknownSSDA903Table = Rule(
        id: "unknown-table", severity: .fatal,
        message: "the file's columns do not match any SSDA903 table",
        hint: "an SSDA903 CSV names the DfE columns in its first line (Episodes: CHILD, DECOM, RNE, LS, ...); "
            + "check the file is a 903 table and its header row is intact")
    public static let unexpectedSSDA903Column = Rule(
        id: "unexpected-column", severity: .warning,
        message: "the column is not part of this SSDA903 table; it is ignored",
        hint: "remove the column, or check its name is spelt as the DfE specifies")
    public static let badSSDA903Postcode = Rule(
        id: "bad-postcode", severity: .warning,
        message: "not a full UK postcode; kept as written",
        hint: "write the full postcode in capitals with one space, e.g. AB1 2CD")

    /// Every rule only the SSDA903 reader raises, for `cscpipe rules`.
    public static let ssda903Rules: [Rule] = [.unknownSSDA903Table, .unexpectedSSDA903Column, .badSSDA903Postcode]
}
