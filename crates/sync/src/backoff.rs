//! How long to wait after the `n`th failure in a row: exponential from 2 s, capped at 5 minutes, with
//! "equal jitter" (half the step fixed, half random) so that devices that failed together do not retry
//! together. The randomness comes from the caller: this crate has none.

/// The first wait, in milliseconds.
pub const BASE_MS: f64 = 2_000.0;
/// The longest wait, in milliseconds.
pub const CAP_MS: f64 = 5.0 * 60_000.0;

/// Milliseconds to wait after `failures` failures in a row (1 or more), given a random `jitter`.
pub fn delay_ms(failures: u32, jitter: u64) -> f64 {
    let exponent = failures.saturating_sub(1).min(20);
    let step = (BASE_MS * f64::from(1u32 << exponent)).min(CAP_MS);
    #[allow(clippy::cast_precision_loss)] // a fraction of 1 from 53 random bits
    let unit = (jitter >> 11) as f64 / (1u64 << 53) as f64;
    step / 2.0 + unit * step / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_from_one_to_two_seconds_and_stop_at_five_minutes() {
        assert!((1_000.0..=2_000.0).contains(&delay_ms(1, 0)));
        assert!((delay_ms(1, u64::MAX) - 2_000.0).abs() < 1.0);
        assert!((2_000.0..=4_000.0).contains(&delay_ms(2, 12_345)));
        for n in [9, 10, 30, u32::MAX] {
            let d = delay_ms(n, u64::MAX / 3);
            assert!((CAP_MS / 2.0..=CAP_MS).contains(&d), "{n}: {d}");
        }
    }

    #[test]
    fn jitter_spreads_devices_that_failed_together() {
        let a = delay_ms(4, 1 << 62);
        let b = delay_ms(4, 3 << 62);
        assert!((a - b).abs() > 1_000.0, "{a} {b}");
    }
}
