import CSCCore
import GRDB

/// The date helpers KPI SQL may call (specs/kpis.md), registered on a
/// warehouse connection from Swift so that every KPI counts working days and
/// steps through the calendar exactly as the definitions say, which SQLite's
/// own `date()` modifiers do not (they overflow 31 January + 1 month into March).
///
/// Dates are ISO `YYYY-MM-DD` text; any NULL or unreadable date gives NULL.
public enum KPIFunctions {
    /// `working_days(a, b)`, `add_months(d, n)`, `add_years(d, n)`, `age_years(birth, at)`.
    public static func register(calendar: WorkingDayCalendar, in db: Database) {
        db.add(function: DatabaseFunction("working_days", argumentCount: 2, pure: true) { values in
            guard let a = day(values[0]), let b = day(values[1]) else { return nil }
            return calendar.workingDays(from: a, to: b)
        })
        db.add(function: DatabaseFunction("add_months", argumentCount: 2, pure: true) { values in
            guard let d = day(values[0]), let n = Int.fromDatabaseValue(values[1]) else { return nil }
            return d.adding(months: n).iso
        })
        db.add(function: DatabaseFunction("add_years", argumentCount: 2, pure: true) { values in
            guard let d = day(values[0]), let n = Int.fromDatabaseValue(values[1]) else { return nil }
            return d.adding(years: n).iso
        })
        db.add(function: DatabaseFunction("age_years", argumentCount: 2, pure: true) { values in
            guard let birth = day(values[0]), let at = day(values[1]) else { return nil }
            return at.age(since: birth)
        })
    }

    /// The names, for messages.
    public static let names = ["working_days", "add_months", "add_years", "age_years"]

    private static func day(_ value: DatabaseValue) -> Day? {
        guard case let .string(text) = value.storage else { return nil }
        return Day(iso: text)
    }
}
