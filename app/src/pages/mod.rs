//! Pages: one file each.

pub mod test_page;
pub mod data_page;
pub mod history_page;
