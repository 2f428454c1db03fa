//! The keys behind the speed: the keyboard as a heatmap of speed or accuracy (a toggle), each finger's
//! figures, the slowest and most-missed bigrams, and the confusion table, for the current profile.

use klava_core::layout::Layout;
use klava_core::layout::heat::{Heatmap, heat};
use klava_core::report::keys::{confusions, fingers, missed_bigrams, slow_bigrams};
use leptos::prelude::*;

use crate::components::choices::Choices;
use crate::components::keyboard::Keyboard;
use crate::components::results::{KeyName, key_chips};
use crate::i18n::{I18n, figure, number, t_string, tr, use_i18n};
use crate::labels;
use crate::prefs::Prefs;
use crate::progress::Progress;

/// Bigrams and confusions listed.
const LISTED: usize = 8;

/// The section.
#[component]
pub fn KeysSection() -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::expect();
    let prefs = Prefs::expect();
    let mode = RwSignal::new(Heatmap::Speed);
    let layout = Memo::new(move |_| prefs.with_layout(Layout::clone));
    let stats = Memo::new(move |_| progress.history.with(|h| h.profile_stats(&prefs.profile()).cloned()));
    let heatmap = Memo::new(move |_| stats.with(|s| prefs.with_layout(|l| heat(l, s.as_ref(), mode.get()))));
    let toggle_options =
        vec![(Heatmap::Speed, "heat-speed".to_owned()), (Heatmap::Accuracy, "heat-accuracy".to_owned())];
    let toggle_label: fn(I18n, Heatmap) -> &'static str = |i18n, m| {
        if m == Heatmap::Speed {
            t_string!(i18n, keyboard.heatmap_speed)
        } else {
            t_string!(i18n, keyboard.heatmap_accuracy)
        }
    };
    let legend = move || {
        if mode.get() == Heatmap::Speed {
            (t_string!(i18n, keyboard.legend_fast), t_string!(i18n, keyboard.legend_slow))
        } else {
            (t_string!(i18n, keyboard.legend_accurate), t_string!(i18n, keyboard.legend_missed))
        }
    };
    let locale = move || i18n.get_locale();
    let finger_rows = move || {
        stats
            .with(|s| s.as_ref().map(fingers).unwrap_or_default())
            .into_iter()
            .map(|f| {
                view! {
                    <tr>
                        <th scope="row">{labels::finger(i18n, f.finger)}</th>
                        <td class="num">{number(locale(), f.presses as f64, 0)}</td>
                        <td class="num">{figure(locale(), f.ms, 0)}</td>
                        <td class="num">{figure(locale(), f.accuracy, 1)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let chips = move |list: Vec<(String, f64)>, ms: bool| {
        let unit = move || if ms { format!(" {}", t_string!(i18n, units.ms)) } else { "%".to_owned() };
        key_chips(
            list,
            move |v| view! { " " {number(locale(), v, 0)} {unit()} }.into_any(),
            move || tr!(i18n, overview.not_enough).into_any(),
        )
    };
    let confusion_rows = move || {
        let list = stats.with(|s| s.as_ref().map(|a| confusions(a, LISTED)).unwrap_or_default());
        if list.is_empty() {
            return view! { <p class="muted">{tr!(i18n, overview.none)}</p> }.into_any();
        }
        view! {
            <ul class="confusions" data-testid="confusions">
                {list.into_iter().map(|c| {
                    let share = number(locale(), c.share, 0);
                    view! {
                        <li><KeyName key=c.typed.clone() /> " ← " <KeyName key=c.expected.clone() /> " "
                            <span class="muted">{t_string!(i18n, progress.confusion, typed = c.typed, expected = c.expected, share = share, n = c.count).to_string()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="keys-section" aria-labelledby="keys-title">
            <h2 id="keys-title">{tr!(i18n, progress.keys)}</h2>
            <div class="filters" role="group" aria-label=tr!(i18n, keyboard.heatmap)><Choices value=mode options=toggle_options label=toggle_label /></div>
            <div data-testid="progress-heatmap">
                <Keyboard layout=layout.into() next=Signal::derive(|| None) flash=Signal::derive(|| None)
                    finger_colours=Signal::derive(|| false) heat=heatmap.into() />
            </div>
            <p class="heat-legend"><span>{move || legend().0}</span><span class="scale"></span><span>{move || legend().1}</span></p>
            <div class="key-tables">
                <table class="figures" data-testid="fingers">
                    <caption>{tr!(i18n, progress.fingers)}</caption>
                    <thead><tr>
                        <th scope="col">{tr!(i18n, progress.col_finger)}</th>
                        <th scope="col" class="num">{tr!(i18n, progress.col_presses)}</th>
                        <th scope="col" class="num">{tr!(i18n, progress.col_ms)}</th>
                        <th scope="col" class="num">{tr!(i18n, progress.col_accuracy)}</th>
                    </tr></thead>
                    <tbody>{finger_rows}</tbody>
                </table>
                <div>
                    <h3>{tr!(i18n, progress.slow_bigrams)}</h3>
                    <p data-testid="slow-bigrams">{move || chips(stats.with(|s| s.as_ref().map(|a| slow_bigrams(a, LISTED)).unwrap_or_default()), true)}</p>
                    <h3>{tr!(i18n, progress.missed_bigrams)}</h3>
                    <p data-testid="missed-bigrams">{move || chips(stats.with(|s| s.as_ref().map(|a| missed_bigrams(a, LISTED)).unwrap_or_default()), false)}</p>
                    <h3>{tr!(i18n, progress.confusions)}</h3>
                    {confusion_rows}
                </div>
            </div>
        </section>
    }
}
