import CSCCore

/// `audit_outcomes.csv` (specs/kpis.md, "Audit outcomes"): graded audits by
/// period, team and domain, from the merged `audits` and `audit_grades`.
///
/// For each period: all teams together (team empty) first, then each team
/// any loaded audit names (trimmed, in byte order); within each, `overall`
/// then each domain any loaded audit has a row for (byte order). Every
/// combination gets a row, zero audits included. An audit counts in a period
/// when its `audit_date` is in it; only graded audits count (no grade, or an
/// unreadable one, leaves it out), so an audit with no date never counts.
public enum AuditOutcomes {
    /// The rows, in file order. Records of other tables are ignored; a grade
    /// whose audit is not among `audits` has no date and does not count.
    public static func compute(audits: [Record], grades: [Record], periods: [ReportingPeriod]) -> [AuditOutcome] {
        let graded = GradedAudits(audits: audits, grades: grades)
        var rows: [AuditOutcome] = []
        rows.reserveCapacity(periods.count * (graded.teams.count + 1) * (graded.domains.count + 1))
        let domains = [AuditOutcome.overallDomain] + graded.domains
        for period in periods {
            var counts: [GroupKey: AuditOutcome] = [:]
            for audit in graded.audits {
                guard let date = audit.date, period.contains(date) else { continue }
                for (domain, grade) in audit.grades {
                    for team in audit.team.isEmpty ? [""] : ["", audit.team] {
                        let key = GroupKey(team: team, domain: domain)
                        counts[key, default: AuditOutcome(period: period, team: team, domain: domain)].count(grade)
                    }
                }
            }
            for team in [""] + graded.teams {
                for domain in domains {
                    rows.append(counts[GroupKey(team: team, domain: domain)]
                                ?? AuditOutcome(period: period, team: team, domain: domain))
                }
            }
        }
        return rows
    }

    private struct GroupKey: Hashable {
        var team: String
        var domain: String
    }
}

/// The audits with what the outcomes need: date, trimmed team and the grade
/// of each graded domain (`overall` for the overall judgement).
private struct GradedAudits {
    struct Audit {
        var date: Day?
        var team: String
        var grades: [(domain: String, grade: AuditGrade)]
    }

    var audits: [Audit] = []
    /// Teams of every loaded audit, trimmed, in byte order.
    var teams: [String] = []
    /// Domains of every `audit_grades` row, in byte order.
    var domains: [String] = []

    init(audits records: [Record], grades gradeRecords: [Record]) {
        var gradesByAudit: [String: [(String, AuditGrade)]] = [:]
        var domainNames = Set<String>()
        for record in gradeRecords where record.table == .audit_grades {
            let domain = record["domain"]
            // The pipeline cannot name a domain `overall`; a row so named would double the overall figures.
            guard !domain.isEmpty, domain != AuditOutcome.overallDomain else { continue }
            domainNames.insert(domain)
            if let grade = AuditGrade(rawValue: record["grade"]) {
                gradesByAudit[record["audit_id"], default: []].append((domain, grade))
            }
        }
        var teamNames = Set<String>()
        for record in records where record.table == .audits {
            let team = Self.trimmed(record["team"])
            if !team.isEmpty { teamNames.insert(team) }
            var grades: [(domain: String, grade: AuditGrade)] = []
            if let overall = AuditGrade(rawValue: record["overall_grade"]) {
                grades.append((AuditOutcome.overallDomain, overall))
            }
            grades += (gradesByAudit[record["audit_id"]] ?? []).map { (domain: $0.0, grade: $0.1) }
            audits.append(Audit(date: Day(iso: record["audit_date"]), team: team, grades: grades))
        }
        teams = teamNames.sorted(by: Self.byteOrder)
        domains = domainNames.sorted(by: Self.byteOrder)
    }

    /// Byte order of the UTF-8, as the spec asks, not Swift's Unicode-aware `<`.
    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static func trimmed(_ s: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isNewline }
        guard let first = s.firstIndex(where: { !blank($0) }), let last = s.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(s[first...last])
    }
}
