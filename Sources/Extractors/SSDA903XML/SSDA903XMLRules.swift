import CSCCore

/// The rule only the SSDA903 XML reader raises; values are checked under the
/// 903 CSV reader's rules (`bad-date`, `unknown-code`, `bad-postcode`, ...).
extension Rule {
    public static let notSSDA903XML = Rule(
        id: "not-ssda903-xml", severity: .fatal,
        message: "the file is not an SSDA903 XML return (its root element is not EXPSSDA903)",
        hint: "check the input's `kind` in the pipeline; `cscpipe inspect FILE` says what the file is")
    /// Every rule only the SSDA903 XML reader raises, for `cscpipe rules`.
    public static let ssda903XMLRules: [Rule] = [.notSSDA903XML]
}
