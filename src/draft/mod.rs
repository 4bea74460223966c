//! Plans made or edited from plans: `init`'s starter, the next period's draft, the summary
//! of a plan's period, and values set by path for one plan (`--set`) or for each member union
//! of a table (`--each`).

pub mod each;
pub mod init;
pub mod next;
pub mod set;
pub mod summary;
