/// How the SSDA903 PrevPerm table codes the arrangement a child left before
/// a period of care, and writes the date of its order.
public enum PreviousPermanence {
    /// Whether `option` was made by a court order, which has a date: P1
    /// adoption, P2 special guardianship, P3 residence or child arrangements
    /// order. P4 (not known) and Z1 (none) have no order.
    public static func isDatedOrder(_ option: String) -> Bool {
        option == "P1" || option == "P2" || option == "P3"
    }

    /// `order_date` (ISO, as precise as known: `2019-05-12`, `2019-05`,
    /// `2019`, or empty) as the return's DATE_PERM, the unknown parts written
    /// as ZZ: `12/05/2019`, `ZZ/05/2019`, `ZZ/ZZ/2019`. An empty date is
    /// `ZZ/ZZ/ZZZZ` (not known) for a dated order, else blank.
    public static func returnDate(_ iso: String, option: String) -> String {
        let b = Array(iso.utf8)
        switch b.count {
        case 0: return isDatedOrder(option) ? "ZZ/ZZ/ZZZZ" : ""
        case 4: return "ZZ/ZZ/" + iso
        case 7 where b[4] == UInt8(ascii: "-"): return "ZZ/" + iso.suffix(2) + "/" + iso.prefix(4)
        default: return Day(iso: iso)?.ukFormat ?? iso
        }
    }
}
