//! The learner's settings as the app sees them: one signal of [`Settings`], opened from the LocalStorage
//! mirror ([`local`]) before anything else loads. A change made here is recorded in the log, one settings
//! record per changed key (last writer wins by clock, docs/ARCHITECTURE.md), and mirrored; a newer value in the log
//! (another device, an import, another tab) is applied and mirrored, never recorded again.
//! [`document`] applies the look (theme, font, size, motion) to the page.

pub mod document;
pub mod local;

use klava_core::layout::Layout;
use klava_core::profile::Profile;
use klava_core::settings::Settings;
use leptos::prelude::*;

use crate::layouts::Layouts;
use crate::progress::Progress;

/// The settings, provided in context.
#[derive(Clone, Copy)]
pub struct Prefs {
    settings: RwSignal<Settings>,
    layouts: Layouts,
    progress: Progress,
}

impl Prefs {
    /// Opens the settings from the mirror, keeps the mirror and the page in step, follows the log, and
    /// provides them. Needs [`Layouts`] and [`Progress`] in context.
    pub fn provide() -> Self {
        let layouts = Layouts::expect();
        let mut opened = local::load();
        if !layouts.has(&opened.layout) {
            leptos::logging::warn!("klava: the stored layout {:?} is not offered; using the default", opened.layout);
            opened.layout = Settings::default().layout;
        }
        let p = Self { settings: RwSignal::new(opened), layouts, progress: Progress::expect() };
        Effect::new(move |_| p.settings.with(local::save));
        p.follow_log();
        document::apply(p);
        provide_context(p);
        p
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Reads the settings (tracked).
    pub fn with<T>(&self, f: impl FnOnce(&Settings) -> T) -> T {
        self.settings.with(f)
    }

    /// Reads the settings without tracking (event handlers).
    pub fn with_untracked<T>(&self, f: impl FnOnce(&Settings) -> T) -> T {
        self.settings.with_untracked(f)
    }

    /// One setting as a signal.
    pub fn signal<T: Send + Sync + Clone + PartialEq + 'static>(
        &self,
        f: impl Fn(&Settings) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let s = self.settings;
        Memo::new(move |_| s.with(&f))
    }

    /// The learner changes settings: applied at once, and each changed key recorded in the log.
    pub fn update(&self, f: impl FnOnce(&mut Settings)) {
        let before = self.settings.get_untracked();
        let mut after = before.clone();
        f(&mut after);
        let changes = before.changes_to(&after);
        if changes.is_empty() {
            return;
        }
        self.settings.set(after);
        for (key, json) in changes {
            self.progress.save_setting(key, json);
        }
    }

    /// Applies what the log says whenever the history changes: each key's newest recorded value.
    fn follow_log(self) {
        let progress = self.progress;
        Effect::new(move |_| {
            let current = self.settings.get_untracked();
            let (mut logged, problems) = progress.history.with(|h| Settings::from_log(&current, h.settings()));
            for p in problems {
                leptos::logging::warn!("klava: ignoring a recorded setting: {p}");
            }
            if !self.layouts.has(&logged.layout) {
                logged.layout = current.layout.clone();
            }
            if logged != current {
                self.settings.set(logged);
            }
        });
    }

    /// Runs `f` with the chosen layout (tracks the setting).
    pub fn with_layout<T>(&self, f: impl FnOnce(&Layout) -> T) -> T {
        let id = self.settings.with(|s| s.layout.clone());
        self.layouts.with_id(&id, f)
    }

    /// Runs `f` with the chosen layout without tracking (event handlers and effects).
    pub fn with_layout_untracked<T>(&self, f: impl FnOnce(&Layout) -> T) -> T {
        let id = self.settings.with_untracked(|s| s.layout.clone());
        self.layouts.with_id(&id, f)
    }

    /// The profile being practised: the chosen layout and its language (tracked).
    pub fn profile(&self) -> Profile {
        self.with_layout(|l| Profile { layout: l.id.clone(), language: l.language.clone() })
    }
}
