//! Rating the competencies of the selected certifications.
pub mod page;
pub mod rating;
