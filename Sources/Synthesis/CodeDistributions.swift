/// How often each DfE code turns up in a typical English council's CIN census,
/// restricted to the codes valid in the target collection year.
///
/// The weights are rough national shapes (police and schools refer most;
/// abuse or neglect is the commonest need; parental mental health and domestic
/// abuse the commonest factors), enough for realistic-looking reports, not a
/// statistical model of any real council. A class, so the many candidate
/// journeys share one copy instead of retaining every list each time.
final class CodeDistributions: Sendable {
    let ethnicity: WeightedChoice<String>
    let disability: WeightedChoice<String>
    let referralSource: WeightedChoice<String>
    let unbornReferralSource: WeightedChoice<String>
    let primaryNeed: WeightedChoice<String>
    let unbornPrimaryNeed: WeightedChoice<String>
    let assessmentFactor: WeightedChoice<String>
    let categoryOfAbuse: WeightedChoice<String>
    let upnUnknownSchoolAge: WeightedChoice<String>

    init(rules: CINYearRules) {
        ethnicity = WeightedChoice([
            ("WBRI", 640), ("WIRI", 3), ("WIRT", 3), ("WOTH", 60), ("WROM", 8),
            ("MWBC", 28), ("MWBA", 12), ("MWAS", 18), ("MOTH", 38),
            ("AIND", 12), ("APKN", 28), ("ABAN", 10), ("AOTH", 14),
            ("BCRB", 14), ("BAFR", 32), ("BOTH", 10), ("CHNE", 3),
            ("OOTH", 22), ("REFU", 6), ("NOBT", 32),
        ])
        disability = WeightedChoice([
            ("AUT", 30), ("LD", 20), ("COMM", 15), ("BEH", 12), ("MOB", 5), ("HAND", 2),
            ("PC", 4), ("INC", 3), ("HEAR", 3), ("VIS", 3), ("CON", 1), ("DDA", 2),
        ])
        referralSource = WeightedChoice([
            ("1A", 60), ("1B", 8), ("1C", 8), ("1D", 15), ("2A", 180), ("2B", 10),
            ("3A", 30), ("3B", 35), ("3C", 8), ("3D", 18), ("3E", 30), ("3F", 45),
            ("4", 15), ("5A", 40), ("5B", 30), ("5C", 25), ("5D", rules.hasEarlyHelpCodes ? 60 : 0),
            ("6", 280), ("7", 20), ("8", 35), ("9", 8), ("10", 6),
        ])
        // Unborn babies are referred by midwives and the health service, by
        // adult social care and by the police.
        unbornReferralSource = WeightedChoice([
            ("3B", 15), ("3D", 25), ("3F", 35), ("5A", 10), ("5B", 5), ("6", 10),
        ])
        primaryNeed = WeightedChoice([
            ("N1", 550), ("N2", 45), ("N3", 60), ("N4", 100), ("N5", 120),
            ("N6", 30), ("N7", 8), ("N8", 30), ("N9", 45), ("N0", 12),
        ])
        unbornPrimaryNeed = WeightedChoice([("N1", 80), ("N3", 8), ("N4", 6), ("N5", 6)])
        var factors: [(String, Int)] = [
            ("1A", 6), ("1B", 45), ("1C", 8), ("2A", 12), ("2B", 60), ("2C", 10),
            ("3A", 110), ("3B", 140), ("3C", 25), ("4A", 80), ("4B", 160), ("4C", 20),
            ("5A", 25), ("5B", 22), ("5C", 4), ("6A", 18), ("6B", 20), ("6C", 4),
            ("7A", 8), ("8B", 1), ("8C", 1), ("8D", 1), ("8E", 1), ("8F", 1),
            ("9A", 6), ("10A", 30), ("11A", 20), ("12A", 3), ("13A", 10), ("14A", 35),
            ("15A", 40), ("16A", 110), ("17A", 100), ("20", 25), ("22A", 2), ("23A", 2),
        ]
        if rules.hasSplitAbuseFactors {
            factors += [("18B", 15), ("18C", 50), ("19B", 10), ("19C", 20)]
        } else {
            factors += [("18A", 65), ("19A", 30)]
        }
        if rules.hasCriminalExploitationFactor { factors.append(("24A", 18)) }
        assessmentFactor = WeightedChoice(factors)
        categoryOfAbuse = WeightedChoice([("NEG", 48), ("EMO", 35), ("PHY", 7), ("SAB", 4), ("MUL", 6)])
        upnUnknownSchoolAge = WeightedChoice([("UN2", 50), ("UN3", 15), ("UN4", 15), ("UN5", 20)])
    }
}
