//! Pages: one file each.

pub mod test_page;
