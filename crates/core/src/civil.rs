//! Calendar dates without a date library: reading the ISO 8601 UTC timestamps of other trainers' exports
//! (`2024-03-05T17:20:00.123Z`) and writing a session's local date and time. Howard Hinnant's
//! days-from-civil and civil-from-days formulas (proleptic Gregorian calendar). O(1).

/// Milliseconds since the Unix epoch for `YYYY-MM-DDTHH:MM:SS[.fff]Z` (or `+00:00`), if well formed.
pub fn parse_utc_ms(s: &str) -> Option<f64> {
    let s = s.strip_suffix('Z').or_else(|| s.strip_suffix("+00:00"))?;
    let (date, time) = s.split_once('T')?;
    let mut d = date.split('-');
    let (y, m, day): (i64, i64, i64) = (d.next()?.parse().ok()?, d.next()?.parse().ok()?, d.next()?.parse().ok()?);
    // Four-digit years only: the arithmetic below then cannot overflow.
    if d.next().is_some() || !(0..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let mut t = hms.split(':');
    let (h, min, sec): (i64, i64, i64) = (t.next()?.parse().ok()?, t.next()?.parse().ok()?, t.next()?.parse().ok()?);
    if t.next().is_some() || h > 23 || min > 59 || sec > 60 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ms_frac = if frac.is_empty() { 0.0 } else { format!("0.{frac}").parse::<f64>().ok()? * 1000.0 };
    let days = day_of_date(y, m as u32, day as u32);
    Some(((days * 86_400 + h * 3600 + min * 60 + sec) * 1000) as f64 + ms_frac)
}

/// Days since 1970-01-01 of the civil date `y-m-d` (Howard Hinnant's days_from_civil); the year is
/// clamped to ±10 million, so nothing overflows.
pub fn day_of_date(y: i64, m: u32, d: u32) -> i64 {
    let (m, d) = (i64::from(m.clamp(1, 12)), i64::from(d.clamp(1, 31)));
    let y = y.clamp(-10_000_000, 10_000_000) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month 1–12, day 1–31)` of `days` since 1970-01-01 (Howard Hinnant's
/// civil_from_days). Days are clamped to ±5 billion (±13 million years), so nothing overflows.
pub fn date_of_day(days: i64) -> (i64, u32, u32) {
    let z = days.clamp(-5_000_000_000, 5_000_000_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m as u32, d as u32)
}

/// The weekday of `days` since 1970-01-01: 0 is Monday, 6 Sunday (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// `YYYY-MM-DD HH:MM` for `ms` since the Unix epoch, in a zone `offset_min` minutes ahead of UTC.
pub fn format_local(ms: f64, offset_min: i32) -> String {
    // Clamped to ±30 million years (NaN becomes 0), so the day arithmetic below cannot overflow.
    let total_min = ((ms / 60_000.0).floor().clamp(-1.6e13, 1.6e13) as i64).saturating_add(i64::from(offset_min));
    let (days, min) = (total_min.div_euclid(1440), total_min.rem_euclid(1440));
    let (y, m, d) = date_of_day(days);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", min / 60, min % 60)
}

#[cfg(test)]
mod tests {
    use super::{date_of_day, day_of_date, format_local, parse_utc_ms, weekday};

    #[test]
    fn days_to_dates_and_weekdays() {
        assert_eq!(date_of_day(0), (1970, 1, 1));
        assert_eq!(weekday(0), 3, "1970-01-01 was a Thursday");
        // 2024-02-29 is day 19,782, a Thursday; 2000-03-01 day 11,017, a Wednesday.
        assert_eq!(date_of_day(19_782), (2024, 2, 29));
        assert_eq!(weekday(19_782), 3);
        assert_eq!(date_of_day(11_017), (2000, 3, 1));
        assert_eq!(weekday(11_017), 2);
        assert_eq!(date_of_day(-1), (1969, 12, 31));
        assert_eq!(weekday(-4), 6, "1969-12-28 was a Sunday");
        for day in [-800_000, -1, 0, 59, 19_782, 2_932_896] {
            let (y, m, d) = date_of_day(day);
            assert_eq!(day_of_date(y, m, d), day);
        }
        date_of_day(i64::MAX);
        date_of_day(i64::MIN);
    }

    #[test]
    fn local_times_read_back() {
        assert_eq!(format_local(0.0, 0), "1970-01-01 00:00");
        assert_eq!(format_local(1_709_210_096_789.0, 0), "2024-02-29 12:34");
        assert_eq!(format_local(1_709_210_096_789.0, 180), "2024-02-29 15:34");
        assert_eq!(format_local(1_709_210_096_789.0, -13 * 60), "2024-02-28 23:34");
    }

    #[test]
    fn known_instants() {
        assert_eq!(parse_utc_ms("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(parse_utc_ms("2000-03-01T00:00:00.000Z"), Some(951_868_800_000.0));
        assert_eq!(parse_utc_ms("2024-02-29T12:34:56.789Z"), Some(1_709_210_096_789.0));
        assert_eq!(parse_utc_ms("2024-02-29T12:34:56+00:00"), Some(1_709_210_096_000.0));
    }

    #[test]
    fn absurd_years_and_times_neither_panic_nor_wrap() {
        assert_eq!(parse_utc_ms("999999999999999-01-01T00:00:00Z"), None);
        assert_eq!(parse_utc_ms("-5-01-01T00:00:00Z"), None);
        assert!(parse_utc_ms("9999-12-31T23:59:59Z").is_some());
        assert_eq!(format_local(f64::NAN, 840), "1970-01-01 14:00");
        // Without the clamp these overflow, which panics in a debug build (this test).
        for ms in [f64::MAX, f64::MIN, 1e300, -1e300] {
            format_local(ms, 840);
        }
    }

    #[test]
    fn malformed_is_none() {
        for s in ["", "2024-02-29", "2024-13-01T00:00:00Z", "2024-02-29T12:34:56", "x-02-29T12:34:56Z"] {
            assert_eq!(parse_utc_ms(s), None, "{s}");
        }
    }
}
