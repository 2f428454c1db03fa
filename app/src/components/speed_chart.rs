//! `SpeedChart`: per-second raw speed as a line, the net average as a dashed line, errors as marks (SVG).

use klava_core::stats::Second;
use leptos::prelude::*;

use crate::i18n::{t_string, tr, use_i18n};

const W: f64 = 600.0;
const H: f64 = 160.0;
const PAD: f64 = 28.0;

/// Rounds an axis maximum up to a multiple of 20 WPM (at least 40).
fn axis_max(peak: f64) -> f64 {
    ((peak / 20.0).ceil() * 20.0).max(40.0)
}

/// The chart.
#[component]
pub fn SpeedChart(
    /// One entry per second of the test.
    seconds: Signal<Vec<Second>>,
    /// The session's net WPM, drawn as a reference line.
    wpm: Signal<Option<f64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let geometry = move || {
        let s = seconds.get();
        let top = axis_max(s.iter().map(|x| x.raw_wpm).fold(wpm.get().unwrap_or(0.0), f64::max));
        let n = s.len().max(2) as f64 - 1.0;
        let x = move |i: usize| PAD + (W - 2.0 * PAD) * i as f64 / n;
        let y = move |v: f64| H - PAD - (H - 2.0 * PAD) * (v / top).min(1.0);
        let line =
            s.iter().enumerate().map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.raw_wpm))).collect::<Vec<_>>().join(" ");
        let errors: Vec<(f64, usize)> =
            s.iter().enumerate().filter(|(_, p)| p.errors > 0).map(|(i, p)| (x(i), p.errors)).collect();
        let net_y = wpm.get().map(y);
        (top, line, errors, net_y, s.len())
    };
    view! {
        <figure class="chart" data-testid="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=tr!(i18n, chart.label)>
                {move || {
                    let (top, line, errors, net_y, n) = geometry();
                    view! {
                        <line class="axis" x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD />
                        <text class="tick" x=4 y=PAD + 4.0>{format!("{top}")}</text>
                        <text class="tick" x=4 y=H - PAD>"0"</text>
                        <text class="tick" x=W - PAD y=H - 8.0>{n}{tr!(i18n, units.s)}</text>
                        {net_y.map(|ny| view! { <line class="net" x1=PAD y1=ny x2=W - PAD y2=ny /> })}
                        <polyline class="raw" points=line />
                        {errors.into_iter().map(|(ex, count)| view! {
                            <text class="error-mark" x=ex y=PAD - 8.0 text-anchor="middle">
                                {"×"}<title>{t_string!(i18n, chart.errors_at, count = count).to_string()}</title>
                            </text>
                        }).collect_view()}
                    }
                }}
            </svg>
            <figcaption>
                <span class="legend raw">{tr!(i18n, chart.raw)}</span>
                <span class="legend net">{tr!(i18n, chart.net)}</span>
                <span class="legend error">{tr!(i18n, chart.errors)}</span>
            </figcaption>
        </figure>
    }
}
