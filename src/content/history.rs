//! Dates of history in the content: when a card's facts happened and where a scenario's
//! information stops. Written `"2026-02-06"`, or `"2026-02"` when only the month is known.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, to the day or only to the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HistoryDate {
    pub year: u16,
    pub month: u8,
    /// `None`: the sources give only the month.
    pub day: Option<u8>,
}

impl HistoryDate {
    /// Reads `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<HistoryDate, String> {
        let bad = || format!("date \"{s}\" is not YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        if !(2..=3).contains(&parts.len())
            || parts[0].len() != 4
            || parts[1..].iter().any(|p| p.len() != 2)
            || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        let month: u8 = parts[1].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(format!("date \"{s}\": month {month} is not 1 to 12"));
        }
        let day = match parts.get(2) {
            None => None,
            Some(d) => {
                let d: u8 = d.parse().map_err(|_| bad())?;
                if d == 0 || d > days_in(year, month) {
                    return Err(format!("date \"{s}\": {year}-{month:02} has no day {d}"));
                }
                Some(d)
            }
        };
        Ok(HistoryDate { year, month, day })
    }

    /// Whether this date comes after `cutoff`. Where either gives only its month, the two are
    /// compared by month: the sources do not say which day, so "2026-02" is not after
    /// 2026-02-15 (docs/authoring.md says so).
    pub fn after(self, cutoff: HistoryDate) -> bool {
        match (self.day, cutoff.day) {
            (Some(a), Some(b)) => (self.year, self.month, a) > (cutoff.year, cutoff.month, b),
            _ => (self.year, self.month) > (cutoff.year, cutoff.month),
        }
    }
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for HistoryDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for HistoryDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HistoryDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<HistoryDate, D::Error> {
        let s = String::deserialize(d)?;
        HistoryDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> HistoryDate {
        HistoryDate::parse(s).unwrap()
    }

    #[test]
    fn reads_days_and_months_and_refuses_the_rest() {
        assert_eq!(d("2026-02-06").to_string(), "2026-02-06");
        assert_eq!(d("2026-02").day, None);
        for bad in [
            "2026",
            "2026-2-6",
            "26-02-06",
            "2026-13",
            "2026-02-30",
            "2025-02-29",
            "x",
        ] {
            assert!(HistoryDate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(d("2024-02-29").day, Some(29));
    }

    #[test]
    fn dates_compare_by_day_or_by_month_when_a_day_is_unknown() {
        let cutoff = d("2026-02-27");
        assert!(!d("2026-02-26").after(cutoff));
        assert!(!d("2026-02-27").after(cutoff));
        assert!(d("2026-02-28").after(cutoff));
        assert!(!d("2026-02").after(cutoff));
        assert!(d("2026-03").after(cutoff));
        assert!(!d("2026-01").after(cutoff));
        assert!(!d("2026-02").after(d("2026-02")));
        assert!(!d("2026-02-20").after(d("2026-02")));
        assert!(d("2026-03-01").after(d("2026-02")));
    }
}
