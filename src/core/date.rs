//! A calendar date without time zone, as the RNCP export gives them (`DATE_FIN_ENREGISTREMENT`).
//! Serialised as ISO `YYYY-MM-DD`; the browser supplies "today" to the core.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the Gregorian calendar. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "« {} » n'est pas une date AAAA-MM-JJ valide", self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// A checked date: `None` when the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let max = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100))
                || year.is_multiple_of(400) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (1..=max)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_owned());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let y = y.parse().map_err(|_| err())?;
        let m = m.parse().map_err(|_| err())?;
        let d = d.parse().map_err(|_| err())?;
        Date::new(y, m, d).ok_or_else(err)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `DD/MM/YYYY`, as French readers and the RNCP write dates.
    pub fn french(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_iso_table() {
        let ok = [
            ("2024-06-01", (2024, 6, 1)),
            ("2028-07-02", (2028, 7, 2)),
            ("2024-02-29", (2024, 2, 29)),
        ];
        for (s, (y, m, d)) in ok {
            assert_eq!(
                Date::parse_iso(s),
                Ok(Date {
                    year: y,
                    month: m,
                    day: d
                }),
                "{s}"
            );
        }
        for bad in [
            "",
            "2024",
            "2024-6-1",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "01-06-2024",
            "2024-06-01-",
            "aaaa-bb-cc",
        ] {
            assert!(Date::parse_iso(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn formats_and_orders() {
        let d = Date::new(2024, 6, 1).unwrap();
        assert_eq!(d.iso(), "2024-06-01");
        assert_eq!(d.french(), "01/06/2024");
        assert!(Date::new(2024, 5, 31) < Some(d));
        assert!(Date::new(2025, 1, 1) > Some(d));
    }
}
