//! `Hands`: two hands with the finger to use highlighted.

use klava_core::fingers::Finger;
use leptos::prelude::*;

use crate::components::keyboard::finger_class;

/// Finger outlines: (finger, x, y, height) in a 220 × 90 box; the thumb is shared by both hands.
const FINGERS: [(Finger, f64, f64, f64); 10] = [
    (Finger::LeftPinky, 8.0, 32.0, 34.0),
    (Finger::LeftRing, 26.0, 16.0, 50.0),
    (Finger::LeftMiddle, 44.0, 8.0, 58.0),
    (Finger::LeftIndex, 62.0, 18.0, 48.0),
    (Finger::Thumb, 82.0, 52.0, 22.0),
    (Finger::Thumb, 122.0, 52.0, 22.0),
    (Finger::RightIndex, 142.0, 18.0, 48.0),
    (Finger::RightMiddle, 160.0, 8.0, 58.0),
    (Finger::RightRing, 178.0, 16.0, 50.0),
    (Finger::RightPinky, 196.0, 32.0, 34.0),
];

/// The hands diagram.
#[component]
pub fn Hands(
    /// The finger for the next key.
    finger: Signal<Option<Finger>>,
) -> impl IntoView {
    view! {
        <svg class="hands" viewBox="0 0 220 90" data-testid="hands" role="img"
            aria-label=move || finger.get().map(|f| format!("use {f:?}")).unwrap_or_default()>
            <rect class="palm" x="6" y="62" width="82" height="24" rx="10" />
            <rect class="palm" x="132" y="62" width="82" height="24" rx="10" />
            {FINGERS.into_iter().map(|(f, x, y, h)| {
                let class = move || format!("finger {}{}", finger_class(f), if finger.get() == Some(f) { " active" } else { "" });
                let w = if f == Finger::Thumb { 16.0 } else { 14.0 };
                view! { <rect class=class x=x y=y width=w height=h rx="7" /> }
            }).collect_view()}
        </svg>
    }
}
