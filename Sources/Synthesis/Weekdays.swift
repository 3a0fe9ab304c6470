import CSCCore

/// Monday-to-Friday steps for placing synthetic events on days when offices
/// are open. Bank holidays are reference data the Synthesis module does not
/// read, so a synthetic "15 working days" may include one; the KPI pack counts
/// with the real calendar and sees the odd extra day, as it would in real data.
enum Weekdays {
    /// `day` itself when it is Monday to Friday, else the following Monday.
    static func onOrAfter(_ day: Day) -> Day {
        switch day.isoWeekday {
        case 6: return day.adding(days: 2)
        case 7: return day.adding(days: 1)
        default: return day
        }
    }

    /// `day` itself when it is Monday to Friday, else the Friday before.
    static func onOrBefore(_ day: Day) -> Day {
        switch day.isoWeekday {
        case 6: return day.adding(days: -1)
        case 7: return day.adding(days: -2)
        default: return day
        }
    }

    /// The `count`th weekday after `day` (which is day 0), as the KPI pack
    /// counts working days.
    static func adding(_ count: Int, to day: Day) -> Day {
        precondition(count >= 0, "weekdays are only added forwards")
        let weeks = count / 5, remainder = count % 5
        // Seven days hold five weekdays; from a weekend start they land on a
        // weekend, whose Friday before is the fifth.
        var d = day.adding(days: weeks * 7)
        if remainder == 0 { return count == 0 ? day : onOrBefore(d) }
        var left = remainder
        while left > 0 {
            d = d.adding(days: 1)
            if !d.isWeekend { left -= 1 }
        }
        return d
    }
}
