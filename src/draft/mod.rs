//! Plans made or edited from plans: `init`'s starter, the summary of a plan's period, and
//! values set by path for one plan (`--set`) or for each member union of a table (`--each`).

pub mod each;
pub mod init;
pub mod set;
pub mod summary;
