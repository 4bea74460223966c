//! Plans made or edited from plans: values set by path for one plan (`--set`) or for each
//! member union of a table (`--each`).

pub mod each;
pub mod set;
