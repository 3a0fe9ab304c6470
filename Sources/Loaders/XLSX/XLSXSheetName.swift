/// Excel's rules for tab names, checked before anything is written so a bad
/// name fails with a reason instead of a workbook Excel offers to "repair".
public enum XLSXSheetName {
    /// The longest name Excel accepts, in UTF-16 code units as Excel counts.
    public static let maximumLength = 31

    /// Throws `XLSXWriterError.invalidSheetName` when Excel would refuse `name`:
    /// blank, longer than 31, holding `[ ] : * ? / \` or a control character,
    /// starting or ending with an apostrophe, or `History` (Excel keeps it for
    /// change tracking).
    public static func validate(_ name: String) throws(XLSXWriterError) {
        func refuse(_ reason: String) -> XLSXWriterError { .invalidSheetName(name, reason: reason) }
        if name.allSatisfy({ $0 == " " }) { throw refuse("a sheet name cannot be blank") }
        if name.utf16.count > maximumLength {
            throw refuse("\(name.utf16.count) characters; Excel allows at most \(maximumLength)")
        }
        for scalar in name.unicodeScalars {
            switch scalar {
            case "[", "]", ":", "*", "?", "/", "\\":
                throw refuse("Excel does not allow \"\(scalar)\" in a sheet name")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    throw refuse("control characters are not allowed")
                }
            }
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw refuse("a sheet name cannot start or end with an apostrophe")
        }
        if name.lowercased() == "history" { throw refuse("Excel reserves \"History\"") }
    }
}
