//! Small presentational components: one file each, narrow props.

pub mod achievements;
pub mod announcer;
pub mod check;
pub mod custom_text;
pub mod hands;
pub mod header;
pub mod keyboard;
pub mod keyboard_bar;
pub mod lang_switch;
pub mod layout_select;
pub mod live_stats;
pub mod mode_bar;
pub mod profile_overview;
pub mod results;
pub mod save_note;
pub mod session_end;
pub mod speed_chart;
pub mod storage_banner;
pub mod sync_status;
pub mod text_view;
pub mod toast;
pub mod typing_area;
pub mod update_prompt;
