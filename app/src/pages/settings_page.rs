//! The settings page (`/settings`): keyboard, typing, appearance, sound, accessibility and language. A
//! change applies at once and is kept (a settings record, synced like every other).

use klava_core::ErrorMode;
use klava_core::settings::{
    DailyGoal, FontSize, Heatmap, InputMode, PassAccuracy, TargetWpm, Theme, TypingFont, UiLanguage,
};
use leptos::prelude::*;

use crate::components::check::Check;
use crate::components::layout_select::LayoutSelect;
use crate::components::reminder_settings::ReminderSettings;
use crate::hooks::use_title::use_title;
use crate::i18n::{t_string, tr, use_i18n};
use crate::prefs::{Prefs, document};

/// A group of radio buttons for one setting: `(value, label, testid)` options.
#[component]
fn Radios<T>(
    /// The group's name (unique on the page).
    name: &'static str,
    /// The options.
    options: Vec<(T, Signal<String>, &'static str)>,
    /// The current value.
    value: Signal<T>,
    /// Called with the chosen value.
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let options = options
        .into_iter()
        .map(|(v, label, testid)| {
            view! {
                <label class="radio">
                    <input type="radio" name=name data-testid=testid prop:checked=move || value.get() == v
                        on:change=move |_| on_pick.run(v) />
                    " " {label}
                </label>
            }
        })
        .collect_view();
    view! { <div class="options">{options}</div> }
}

/// A whole number within `min..=max`; out-of-range input is brought into range.
fn whole_in(ev: &leptos::ev::Event, min: u32, max: u32) -> Option<u32> {
    event_target_value(ev)
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v.round().clamp(f64::from(min), f64::from(max)) as u32)
}

/// Keyboard: layout, input, on-screen keyboard.
#[component]
fn KeyboardSection() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let input = prefs.signal(|s| s.input);
    let heatmap = prefs.signal(|s| s.heatmap);
    view! {
        <fieldset>
            <legend>{tr!(i18n, settings.keyboard)}</legend>
            <div class="row">
                <label for="set-layout">{tr!(i18n, keyboard.layout)}</label>
                <LayoutSelect id="set-layout" testid="settings-layout" />
            </div>
            <div class="row" role="radiogroup" aria-labelledby="set-input-label">
                <span class="label" id="set-input-label">{tr!(i18n, keyboard.input)}</span>
                <Radios name="input" value=input.into() on_pick=Callback::new(move |v| prefs.update(|s| s.input = v))
                    options=vec![
                        (InputMode::Os, Signal::derive(move || t_string!(i18n, keyboard.input_os).to_owned()), "settings-input-os"),
                        (InputMode::Emulate, Signal::derive(move || t_string!(i18n, keyboard.input_emulate).to_owned()), "settings-input-emulate"),
                    ] />
                <p class="help">{tr!(i18n, keyboard.input_help)}</p>
            </div>
            <Check label=Signal::derive(move || t_string!(i18n, keyboard.show).to_owned()) testid="settings-show-keyboard"
                value=prefs.signal(|s| s.show_keyboard).into() on_change=Callback::new(move |v| prefs.update(|s| s.show_keyboard = v)) />
            <Check label=Signal::derive(move || t_string!(i18n, keyboard.finger_colours).to_owned()) testid="settings-finger-colours"
                value=prefs.signal(|s| s.finger_colours).into() on_change=Callback::new(move |v| prefs.update(|s| s.finger_colours = v)) />
            <div class="row" role="radiogroup" aria-labelledby="set-heat-label">
                <span class="label" id="set-heat-label">{tr!(i18n, keyboard.heatmap)}</span>
                <Radios name="heatmap" value=heatmap.into() on_pick=Callback::new(move |v| prefs.update(|s| s.heatmap = v))
                    options=vec![
                        (Heatmap::Off, Signal::derive(move || t_string!(i18n, keyboard.heatmap_off).to_owned()), "settings-heatmap-off"),
                        (Heatmap::Speed, Signal::derive(move || t_string!(i18n, keyboard.heatmap_speed).to_owned()), "settings-heatmap-speed"),
                        (Heatmap::Accuracy, Signal::derive(move || t_string!(i18n, keyboard.heatmap_accuracy).to_owned()), "settings-heatmap-accuracy"),
                    ] />
            </div>
        </fieldset>
    }
}

/// Typing: error mode, ё, target speed, daily goal.
#[component]
fn TypingSection() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let error_mode = prefs.signal(|s| s.error_mode);
    let target = prefs.signal(|s| s.target_wpm.get());
    let pass = prefs.signal(|s| s.pass_accuracy.get());
    let goal = prefs.signal(|s| s.daily_goal);
    let is_xp = move || matches!(goal.get(), DailyGoal::Xp(_));
    view! {
        <fieldset>
            <legend>{tr!(i18n, settings.typing)}</legend>
            <div class="row" role="radiogroup" aria-labelledby="set-errors-label">
                <span class="label" id="set-errors-label">{tr!(i18n, settings.error_mode)}</span>
                <Radios name="error-mode" value=error_mode.into() on_pick=Callback::new(move |v| prefs.update(|s| s.error_mode = v))
                    options=vec![
                        (ErrorMode::Free, Signal::derive(move || t_string!(i18n, settings.error_free).to_owned()), "error-free"),
                        (ErrorMode::StopOnLetter, Signal::derive(move || t_string!(i18n, settings.error_stop_letter).to_owned()), "error-stop-on-letter"),
                        (ErrorMode::StopOnWord, Signal::derive(move || t_string!(i18n, settings.error_stop_word).to_owned()), "error-stop-on-word"),
                        (ErrorMode::NoBackspace, Signal::derive(move || t_string!(i18n, settings.error_no_backspace).to_owned()), "error-no-backspace"),
                    ] />
                <p class="help">{tr!(i18n, settings.error_help)}</p>
            </div>
            <Check label=Signal::derive(move || t_string!(i18n, settings.yo_as_ye).to_owned()) testid="settings-yo"
                value=prefs.signal(|s| s.yo_as_ye).into() on_change=Callback::new(move |v| prefs.update(|s| s.yo_as_ye = v)) />
            <div class="row">
                <label for="set-target">{tr!(i18n, settings.target_wpm)}</label>
                <div class="inline">
                    <input id="set-target" type="number" data-testid="settings-target" min=TargetWpm::MIN max=TargetWpm::MAX
                        prop:value=move || target.get().to_string()
                        on:change=move |ev| if let Some(v) = whole_in(&ev, TargetWpm::MIN, TargetWpm::MAX).and_then(TargetWpm::new) {
                            prefs.update(|s| s.target_wpm = v);
                        } />
                    <span class="muted">{tr!(i18n, units.wpm)}</span>
                </div>
            </div>
            <div class="row">
                <label for="set-pass">{tr!(i18n, settings.pass_accuracy)}</label>
                <div class="inline">
                    <input id="set-pass" type="number" data-testid="settings-pass" min=PassAccuracy::MIN max=PassAccuracy::MAX
                        prop:value=move || pass.get().to_string()
                        on:change=move |ev| if let Some(v) = whole_in(&ev, PassAccuracy::MIN, PassAccuracy::MAX).and_then(PassAccuracy::new) {
                            prefs.update(|s| s.pass_accuracy = v);
                        } />
                    <span class="muted">"%"</span>
                </div>
            </div>
            <div class="row">
                <label for="set-goal">{tr!(i18n, settings.daily_goal)}</label>
                <div class="inline">
                    <input id="set-goal" type="number" data-testid="settings-goal"
                        min=move || if is_xp() { DailyGoal::XP.0 } else { DailyGoal::MINUTES.0 }
                        max=move || if is_xp() { DailyGoal::XP.1 } else { DailyGoal::MINUTES.1 }
                        prop:value=move || match goal.get() { DailyGoal::Minutes(v) | DailyGoal::Xp(v) => v.to_string() }
                        on:change=move |ev| {
                            let goal = match goal.get_untracked() {
                                DailyGoal::Minutes(_) => whole_in(&ev, DailyGoal::MINUTES.0, DailyGoal::MINUTES.1).map(DailyGoal::Minutes),
                                DailyGoal::Xp(_) => whole_in(&ev, DailyGoal::XP.0, DailyGoal::XP.1).map(DailyGoal::Xp),
                            };
                            if let Some(g) = goal { prefs.update(|s| s.daily_goal = g); }
                        } />
                    <select data-testid="settings-goal-unit" aria-label=tr!(i18n, settings.goal_unit)
                        on:change=move |ev| {
                            let xp = event_target_value(&ev) == "xp";
                            if xp != matches!(goal.get_untracked(), DailyGoal::Xp(_)) { prefs.update(|s| s.daily_goal = s.daily_goal.in_other_unit()); }
                        }>
                        <option value="minutes" selected=move || !is_xp()>{tr!(i18n, settings.minutes_a_day)}</option>
                        <option value="xp" selected=is_xp>{tr!(i18n, settings.xp_a_day)}</option>
                    </select>
                </div>
            </div>
        </fieldset>
    }
}

/// Appearance: theme, font, size.
#[component]
fn AppearanceSection() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let theme = prefs.signal(|s| s.theme);
    let font = prefs.signal(|s| s.font);
    let size = prefs.signal(|s| s.font_size.get());
    let dragged = RwSignal::new(None::<u32>);
    view! {
        <fieldset>
            <legend>{tr!(i18n, settings.appearance)}</legend>
            <div class="row" role="radiogroup" aria-labelledby="set-theme-label">
                <span class="label" id="set-theme-label">{tr!(i18n, settings.theme)}</span>
                <Radios name="theme" value=theme.into() on_pick=Callback::new(move |v| prefs.update(|s| s.theme = v))
                    options=vec![
                        (Theme::System, Signal::derive(move || t_string!(i18n, settings.theme_system).to_owned()), "theme-system"),
                        (Theme::Light, Signal::derive(move || t_string!(i18n, settings.theme_light).to_owned()), "theme-light"),
                        (Theme::Dark, Signal::derive(move || t_string!(i18n, settings.theme_dark).to_owned()), "theme-dark"),
                        (Theme::HighContrast, Signal::derive(move || t_string!(i18n, settings.theme_contrast).to_owned()), "theme-contrast"),
                    ] />
            </div>
            <div class="row" role="radiogroup" aria-labelledby="set-font-label">
                <span class="label" id="set-font-label">{tr!(i18n, settings.font)}</span>
                <Radios name="font" value=font.into() on_pick=Callback::new(move |v| prefs.update(|s| s.font = v))
                    options=vec![
                        (TypingFont::Mono, Signal::derive(|| "JetBrains Mono".to_owned()), "font-mono"),
                        (TypingFont::Readable, Signal::derive(move || t_string!(i18n, settings.font_readable).to_owned()), "font-readable"),
                        (TypingFont::System, Signal::derive(move || t_string!(i18n, settings.font_system).to_owned()), "font-system"),
                    ] />
            </div>
            <div class="row">
                <label for="set-size">{tr!(i18n, settings.font_size)}</label>
                // Dragging shows each size at once; letting go keeps the last (one record, not one per step).
                <div class="inline">
                    <input id="set-size" type="range" data-testid="settings-size" min=FontSize::MIN max=FontSize::MAX step="2"
                        prop:value=move || size.get().to_string()
                        on:input=move |ev| if let Some(v) = whole_in(&ev, FontSize::MIN, FontSize::MAX) {
                            dragged.set(Some(v));
                            document::preview_font_size(v);
                        }
                        on:change=move |ev| if let Some(v) = whole_in(&ev, FontSize::MIN, FontSize::MAX).and_then(FontSize::new) {
                            dragged.set(None);
                            prefs.update(|s| s.font_size = v);
                        } />
                    <span class="muted">{move || dragged.get().unwrap_or_else(|| size.get())} " px"</span>
                </div>
            </div>
            <p class="preview" data-testid="font-preview" aria-hidden="true">{tr!(i18n, settings.preview)}</p>
        </fieldset>
    }
}

/// Sound, accessibility and language.
#[component]
fn AccessSection() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = Prefs::expect();
    let language = prefs.signal(|s| s.language);
    view! {
        <fieldset>
            <legend>{tr!(i18n, settings.sound)}</legend>
            <Check label=Signal::derive(move || t_string!(i18n, settings.key_sound).to_owned()) testid="settings-key-sound"
                value=prefs.signal(|s| s.key_sound).into() on_change=Callback::new(move |v| prefs.update(|s| s.key_sound = v)) />
            <Check label=Signal::derive(move || t_string!(i18n, settings.error_sound).to_owned()) testid="settings-error-sound"
                value=prefs.signal(|s| s.error_sound).into() on_change=Callback::new(move |v| prefs.update(|s| s.error_sound = v)) />
        </fieldset>
        <fieldset>
            <legend>{tr!(i18n, settings.accessibility)}</legend>
            <Check label=Signal::derive(move || t_string!(i18n, settings.reduce_motion).to_owned()) testid="settings-reduce-motion"
                value=prefs.signal(|s| s.reduce_motion).into() on_change=Callback::new(move |v| prefs.update(|s| s.reduce_motion = v)) />
            <Check label=Signal::derive(move || t_string!(i18n, settings.screen_reader).to_owned()) testid="settings-screen-reader"
                value=prefs.signal(|s| s.screen_reader).into() on_change=Callback::new(move |v| prefs.update(|s| s.screen_reader = v)) />
            <p class="help">{tr!(i18n, settings.screen_reader_help)}</p>
        </fieldset>
        <fieldset>
            <legend>{tr!(i18n, settings.language)}</legend>
            <div class="row" role="radiogroup" aria-label=tr!(i18n, settings.language)>
                <Radios name="language" value=language.into() on_pick=Callback::new(move |v| prefs.update(|s| s.language = v))
                    options=vec![
                        (UiLanguage::Auto, Signal::derive(move || t_string!(i18n, settings.language_auto).to_owned()), "language-auto"),
                        (UiLanguage::En, Signal::derive(|| "English".to_owned()), "language-en"),
                        (UiLanguage::Ru, Signal::derive(|| "Русский".to_owned()), "language-ru"),
                    ] />
            </div>
        </fieldset>
    }
}

/// The page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || t_string!(i18n, settings.title).to_owned());
    view! {
        <main class="page settings" id="main" tabindex="-1">
            <h1>{tr!(i18n, settings.title)}</h1>
            <p class="muted">{tr!(i18n, settings.intro)}</p>
            <KeyboardSection />
            <TypingSection />
            <ReminderSettings />
            <AppearanceSection />
            <AccessSection />
        </main>
    }
}
