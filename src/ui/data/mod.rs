//! The user's data: export, import, share link, erase; and opening a share link.
pub mod page;
pub mod share;
pub mod summary;
