//! Pages: one file each.

pub mod practice;
