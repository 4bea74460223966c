//! Plans made or edited from plans, by edits of the plan's own text at the spans of the
//! values they change.

pub mod next;
