/// `schedule.ics` (RFC 5545): one VEVENT per held session in Asia/Tokyo time,
/// with a UID that stays the same between runs so that a re-import updates
/// the calendar instead of duplicating it.
struct ICalendar {
    let schedule: ClassSchedule
    let settings: Settings

    /// Escapes TEXT values (RFC 5545 3.3.11).
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character. On the bytes: a
    /// String made of each scalar to measure it was most of writing the calendar.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        var count = 0
        var bytes = line.utf8.makeIterator()
        var pending = bytes.next()
        while let lead = pending {
            // A scalar's width from its first byte; its continuation bytes (10xxxxxx) follow.
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if count + width > 75 {
                out += [0x0D, 0x0A, 0x20]
                count = 1
            }
            out.append(lead)
            pending = bytes.next()
            while let b = pending, b & 0xC0 == 0x80 {
                out.append(b)
                pending = bytes.next()
            }
            count += width
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }

    static func stamp(_ d: CivilDate, _ t: TimeOfDay) -> String {
        d.iso.filter { $0 != "-" } + "T" + t.description.filter { $0 != ":" } + "00"
    }

    var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ikigai//class schedule//JA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendar.escape("介護予防講座 \(settings.fiscalYear)年度"), "X-WR-TIMEZONE:Asia/Tokyo",
            "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE",
        ]
        // DTSTAMP must be a UTC time; the first day of the fiscal year keeps the file byte-identical between runs.
        let dtstamp = settings.fiscalYearStart.iso.replacingOccurrences(of: "-", with: "") + "T000000Z"
        for s in schedule.held {
            var description = "講座ID \(s.series.id)（\(s.series.kind == .lottery ? "抽選・定員\(s.series.capacity)人" : "自由参加・定員\(s.series.capacity)人")）"
            if let d = s.series.deadline { description += "\n申込締切 \(d.westernJapaneseString)" }
            if case .moved(let from, let reason) = s.status {
                description += "\n\(from.westernJapaneseString)（\(reason)）から移動"
            }
            lines += [
                "BEGIN:VEVENT", "UID:" + s.uid, "DTSTAMP:" + dtstamp,
                "DTSTART;TZID=Asia/Tokyo:" + ICalendar.stamp(s.date, s.series.start),
                "DTEND;TZID=Asia/Tokyo:" + ICalendar.stamp(s.date, s.series.end),
                "SUMMARY:" + ICalendar.escape(s.series.title), "LOCATION:" + ICalendar.escape(s.series.room),
                "DESCRIPTION:" + ICalendar.escape(description), "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined()
    }
}
