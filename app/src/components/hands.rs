//! `Hands`: two hands with the finger to use highlighted.

use klava_core::fingers::Finger;
use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};
use crate::labels;

use crate::components::keyboard::finger_class;

/// Finger outlines: (finger, x, y, height) in a 220 × 90 box.
const FINGERS: [(Finger, f64, f64, f64); 8] = [
    (Finger::LeftPinky, 8.0, 32.0, 34.0),
    (Finger::LeftRing, 26.0, 16.0, 50.0),
    (Finger::LeftMiddle, 44.0, 8.0, 58.0),
    (Finger::LeftIndex, 62.0, 18.0, 48.0),
    (Finger::RightIndex, 144.0, 18.0, 48.0),
    (Finger::RightMiddle, 162.0, 8.0, 58.0),
    (Finger::RightRing, 180.0, 16.0, 50.0),
    (Finger::RightPinky, 198.0, 32.0, 34.0),
];

/// The thumbs: (centre x, centre y, tilt in degrees), short and broad, angled in from the palms' inner
/// edges as they lie on the space bar. One finger class serves both.
const THUMBS: [(f64, f64, f64); 2] = [(96.0, 66.0, 40.0), (124.0, 66.0, -40.0)];

/// The hands diagram.
#[component]
pub fn Hands(
    /// The finger for the next key.
    finger: Signal<Option<Finger>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <svg class="hands" viewBox="0 0 220 90" data-testid="hands" role="img"
            aria-label=move || match finger.get() {
                Some(f) => t_string!(i18n, fingers.next, finger = labels::finger(i18n, f)).to_string(),
                None => t_string!(i18n, fingers.none).to_owned(),
            }>
            <rect class="palm" x="6" y="60" width="80" height="28" rx="12" />
            <rect class="palm" x="134" y="60" width="80" height="28" rx="12" />
            {FINGERS.into_iter().map(|(f, x, y, h)| {
                let class = move || format!("finger {}{}", finger_class(f), if finger.get() == Some(f) { " active" } else { "" });
                view! { <rect class=class x=x y=y width="14" height=h rx="7" /> }
            }).collect_view()}
            {THUMBS.into_iter().map(|(cx, cy, tilt)| {
                let class = move || format!("finger thumb {}{}", finger_class(Finger::Thumb), if finger.get() == Some(Finger::Thumb) { " active" } else { "" });
                view! { <ellipse class=class cx=cx cy=cy rx="8.5" ry="15" transform=format!("rotate({tilt} {cx} {cy})") /> }
            }).collect_view()}
        </svg>
    }
}
