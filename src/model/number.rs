//! Numbers as units write them: an integer stays an integer (so that sums of counts print
//! without decimals), anything else is a float.

/// A number as written: integers stay integers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// 100 × `num` / `den`, rounded to 2 decimals; none when either is missing or `den` is 0.
    pub fn ratio(num: Option<Num>, den: Option<Num>) -> Option<Num> {
        let (n, d) = (num?.as_f64(), den?.as_f64());
        if d == 0.0 {
            return None;
        }
        Some(Num::Float((100.0 * n / d * 100.0).round() / 100.0))
    }
}

impl std::ops::Add for Num {
    type Output = Num;

    /// The sum of two numbers: an integer while both are and it fits, else a float.
    fn add(self, other: Num) -> Num {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => match a.checked_add(b) {
                Some(c) => Num::Int(c),
                None => Num::Float(a as f64 + b as f64),
            },
            (a, b) => Num::Float(a.as_f64() + b.as_f64()),
        }
    }
}

impl std::fmt::Display for Num {
    /// As a program writes it ("1200", "85.5"): for messages that quote a value back.
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Num::Int(i) => s.serialize_i64(i),
            Num::Float(f) => s.serialize_f64(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_of_sums_not_mean_of_ratios() {
        // Unit A: 9/10 (90%), unit B: 1/90 (1.1%): mean of ratios 45.56%, ratio of sums 10%.
        let num = Some(Num::Int(9) + Num::Int(1));
        let den = Some(Num::Int(10) + Num::Int(90));
        assert_eq!(Num::ratio(num, den), Some(Num::Float(10.0)));
        let r = |a: i64, b: i64| Num::ratio(Some(Num::Int(a)), Some(Num::Int(b)));
        assert_eq!(r(2, 3), Some(Num::Float(66.67)));
        assert_eq!(r(1150, 1200), Some(Num::Float(95.83)));
        assert_eq!(Num::ratio(None, Some(Num::Int(3))), None);
        assert_eq!(Num::ratio(Some(Num::Int(0)), None), None);
        assert_eq!(r(0, 0), None);
        assert_eq!(
            Num::ratio(Some(Num::Float(0.5)), Some(Num::Float(2.0))),
            Some(Num::Float(25.0))
        );
    }

    #[test]
    fn sums_stay_integers_until_they_cannot() {
        assert_eq!(Num::Int(2) + Num::Int(3), Num::Int(5));
        assert_eq!(Num::Int(2) + Num::Float(0.5), Num::Float(2.5));
        assert_eq!(
            Num::Int(i64::MAX) + Num::Int(1),
            Num::Float(i64::MAX as f64 + 1.0)
        );
    }
}
