//! Plans made from nothing or from plans: `init`'s starter, the summary of a plan's period.

pub mod init;
pub mod summary;
