//! The user's data: export, import, share link, offline use, erase; and opening a share link.
pub mod offline;
pub mod page;
pub mod share;
pub mod summary;
