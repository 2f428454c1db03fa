//! Means with 95 % confidence intervals over seeds (Student's t).

/// A sample's mean and the half-width of its 95 % interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub half_width: f64,
    pub n: usize,
}

/// Student's t at 97.5 % for 1–30 degrees of freedom; 1.96 beyond.
const T975: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
    2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/// The mean of `xs` and its 95 % interval (half-width 0 for fewer than two values).
pub fn estimate(xs: &[f64]) -> Estimate {
    let n = xs.len();
    if n == 0 {
        return Estimate { mean: f64::NAN, half_width: 0.0, n };
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return Estimate { mean, half_width: 0.0, n };
    }
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let t = T975.get(n - 2).copied().unwrap_or(1.96);
    Estimate { mean, half_width: t * (var / n as f64).sqrt(), n }
}

#[cfg(test)]
mod tests {
    use super::estimate;

    #[test]
    fn interval_of_a_known_sample() {
        let e = estimate(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(e.mean, 3.0);
        // s = 1.5811, t(4) = 2.776: 2.776 · 1.5811 / √5 = 1.963.
        assert!((e.half_width - 1.963).abs() < 1e-3, "{e:?}");
        assert_eq!(estimate(&[7.0]).half_width, 0.0);
    }
}
