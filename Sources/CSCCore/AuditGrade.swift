/// A case-audit judgement on the Ofsted four-point scale, as the canonical
/// `audits.overall_grade` and `audit_grades.grade` hold it.
///
/// Audit tools spell grades many ways (`RI`, `Requires improvement to be
/// good`, `2`, ` Good `); `reading(of:)` is the one place that decides what a
/// cell means (canonical-model.md, grade table), so the reader, the KPIs and
/// the audit outcomes can never disagree.
public enum AuditGrade: String, Sendable, Hashable, CaseIterable, Comparable {
    case outstanding
    case good
    case requiresImprovement = "requires_improvement"
    case inadequate

    /// What one grade cell says.
    public enum Reading: Sendable, Hashable {
        case grade(AuditGrade)
        /// Blank, `N/A`, `not applicable`, `not graded`: no grade, and nothing wrong.
        case notGraded
        /// Anything else: an `unknown-code` issue, and the grade is left empty.
        case unrecognised
    }

    /// Good or outstanding: the "good or better" the audit KPIs count.
    public var isGoodOrBetter: Bool { self == .outstanding || self == .good }

    /// Best first, the order the outcome columns are written in.
    public static func < (lhs: AuditGrade, rhs: AuditGrade) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .outstanding: 1
        case .good: 2
        case .requiresImprovement: 3
        case .inadequate: 4
        }
    }

    /// Reads a grade cell as written, comparing case-insensitively after
    /// trimming and collapsing runs of blanks (spaces, tabs, no-break spaces).
    public static func reading(of text: some StringProtocol) -> Reading {
        accepted[normalized(text)] ?? .unrecognised
    }

    /// The canonical grade a cell gives, or nil for no grade or an unrecognised one.
    public init?(cell text: some StringProtocol) {
        guard case .grade(let grade) = Self.reading(of: text) else { return nil }
        self = grade
    }

    /// Every spelling the grade table accepts, in its normalised form.
    private static let accepted: [String: Reading] = {
        var table: [String: Reading] = [:]
        let spellings: [(Reading, [String])] = [
            (.grade(.outstanding), ["outstanding", "1", "o"]),
            (.grade(.good), ["good", "2", "g"]),
            (.grade(.requiresImprovement), ["requires improvement", "requires_improvement",
                                            "requires improvement to be good", "requires improvment",
                                            "ri", "rig", "3"]),
            (.grade(.inadequate), ["inadequate", "inadaquate", "4", "i"]),
            (.notGraded, ["", "n/a", "not applicable", "not graded"]),
        ]
        for (reading, words) in spellings {
            for word in words { table[word] = reading }
        }
        return table
    }()

    /// Lower-cased (ASCII letters; the accepted spellings are all ASCII),
    /// trimmed, with every run of blanks made one space.
    static func normalized(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previousWasC2 = false
        for byte in text.utf8 {
            // U+00A0 (no-break space) is C2 A0 in UTF-8; Excel exports leave it in cells.
            if previousWasC2 {
                previousWasC2 = false
                if byte == 0xA0 {
                    pendingSpace = true
                    continue
                }
                appendSpaceIfPending(&out, &pendingSpace)
                out.append(0xC2)
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                pendingSpace = true
            case 0xC2:
                previousWasC2 = true
            default:
                appendSpaceIfPending(&out, &pendingSpace)
                out.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
        }
        if previousWasC2 {
            appendSpaceIfPending(&out, &pendingSpace)
            out.append(0xC2)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A blank run becomes one space, but only between words: leading and trailing runs vanish.
    private static func appendSpaceIfPending(_ out: inout [UInt8], _ pending: inout Bool) {
        if pending, !out.isEmpty { out.append(0x20) }
        pending = false
    }
}
