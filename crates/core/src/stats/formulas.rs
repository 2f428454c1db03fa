//! The formulas behind the figures, each a small pure function with its definition.

use crate::engine::Millis;

/// Words per minute for `chars` characters in `ms` milliseconds: `chars / 5 / (ms / 60 000)` (a "word"
/// is five characters). `None` when `ms` is not positive: a speed over no time is undefined, and showing
/// 0 or infinity would both mislead.
pub fn wpm(chars: usize, ms: Millis) -> Option<f64> {
    (ms > 0.0).then(|| chars as f64 / 5.0 / (ms / 60_000.0))
}

/// Accuracy in percent: `right / total · 100`, counting typed keystrokes (errors later fixed with
/// Backspace still count as wrong; Backspace itself is not a keystroke here). `None` when nothing was typed.
pub fn accuracy(right: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| right as f64 / total as f64 * 100.0)
}

/// Monkeytype's consistency of a series of per-second speeds: `100 · (1 − tanh(c + c³/3 + c⁵/5))` where
/// `c` is the coefficient of variation (population standard deviation / mean). 100 means perfectly even;
/// `None` for an empty series or a zero mean. O(n).
pub fn consistency(series: &[f64]) -> Option<f64> {
    let n = series.len() as f64;
    let mean = series.iter().sum::<f64>() / n;
    if series.is_empty() || mean <= 0.0 {
        return None;
    }
    let variance = series.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    Some(kogasa(variance.sqrt() / mean))
}

/// The "kogasa" mapping of a coefficient of variation to a 0–100 score.
pub fn kogasa(c: f64) -> f64 {
    100.0 * (1.0 - (c + c.powi(3) / 3.0 + c.powi(5) / 5.0).tanh())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_even_series_is_fully_consistent() {
        assert_eq!(consistency(&[60.0, 60.0, 60.0]), Some(100.0));
        assert_eq!(consistency(&[]), None);
        assert_eq!(consistency(&[0.0, 0.0]), None);
    }

    #[test]
    fn consistency_of_a_known_series() {
        // mean 50, population sd 10 → c = 0.2; 0.2 + 0.008/3 + 0.00032/5 = 0.2027307;
        // tanh(0.2027307) = 0.1999982 → 100 · (1 − 0.1999982) = 80.00018.
        let got = consistency(&[40.0, 60.0]).unwrap();
        assert!((got - 80.00018).abs() < 1e-4, "{got}");
    }
}
