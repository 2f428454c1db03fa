//! `Header`: the skip link, the logo, the links to every page (the current one marked for assistive
//! technology with `aria-current`), the level and the streak, the sync status once someone is signed in,
//! and the language switch.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::lang_switch::LangSwitch;
use crate::components::sync_status::SyncStatusSlot;
use crate::i18n::{t_string, tr, use_i18n};
use crate::motivation::Motivation;

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let motivation = Motivation::expect();
    let level = Memo::new(move |_| motivation.state.with(|m| m.level));
    let streak = Memo::new(move |_| motivation.state.with(|m| m.streak.current));
    view! {
        <a class="skip-link" href="#main" data-testid="skip-link">{tr!(i18n, nav.skip)}</a>
        <header class="top">
            <a class="logo" href="/" data-testid="logo">"klava"</a>
            <nav class="nav" aria-label=tr!(i18n, nav.label)>
                <A href="/" exact=true attr:data-testid="tab-home">{tr!(i18n, nav.home)}</A>
                <A href="/learn" attr:data-testid="tab-learn">{tr!(i18n, nav.learn)}</A>
                <A href="/practice" attr:data-testid="tab-adaptive">{tr!(i18n, nav.practice)}</A>
                <A href="/test" attr:data-testid="tab-practice">{tr!(i18n, nav.test)}</A>
                <A href="/progress" attr:data-testid="tab-progress">{tr!(i18n, nav.progress)}</A>
                <A href="/settings" attr:data-testid="tab-settings">{tr!(i18n, nav.settings)}</A>
                <A href="/data" attr:data-testid="tab-data">{tr!(i18n, nav.data)}</A>
                <A href="/account" attr:data-testid="tab-account">{tr!(i18n, nav.account)}</A>
            </nav>
            <div class="tools">
                <span class="badge" data-testid="header-streak" title=move || t_string!(i18n, motivation.streak, n = streak.get()).to_string()>
                    <span aria-hidden="true">"✹ "</span>{move || streak.get()}
                    <span class="sr-only">{move || t_string!(i18n, motivation.streak_label).to_owned()}</span>
                </span>
                <span class="badge" data-testid="header-level"
                    title=move || { let l = level.get(); t_string!(i18n, motivation.level_progress, into = l.into, span = l.span).to_string() }>
                    {move || t_string!(i18n, motivation.level, n = level.get().level).to_string()}
                </span>
                <SyncStatusSlot />
                <LangSwitch />
            </div>
        </header>
    }
}
