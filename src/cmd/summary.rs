//! `unionplan summary`: the summary draft of a plan's period, on standard output or into
//! `-o FILE`, never onto the plan.

use std::path::Path;

use crate::cli::SummaryArgs;
use crate::error::{Error, Usage};
use crate::load::Source;
use crate::msg;
use crate::output::{self, Streams};
use crate::text::display_name;
use crate::validate;

pub fn execute(args: &SummaryArgs, io: &Streams) -> Result<(), Error> {
    let output = args.output.as_deref().filter(|o| *o != Path::new("-"));
    if let Some(out) = output {
        if crate::file_kind::same_file(out, &args.plan) {
            return Err(Error::Usage(Usage::DraftOntoPlan {
                path: out.to_owned(),
            }));
        }
    }
    let source = Source::read(&args.plan)?;
    let report = validate::check(&source);
    let Some(plan) = report.plan else {
        return Err(Error::Invalid {
            diagnostics: report.diagnostics,
        });
    };
    let (plan, sections, _) = plan.into_parts();
    let text = crate::draft::summary::summary(&source, &plan, sections);
    match output {
        Some(out) => {
            // A dangling link is there too: writing would replace it.
            if !args.force && std::fs::symlink_metadata(out).is_ok() {
                return Err(Error::Usage(Usage::DraftWouldOverwrite {
                    path: out.to_path_buf(),
                }));
            }
            output::write_atomic(out, text.as_bytes())?;
            note!(io, "{}", msg!("draft-wrote", file = display_name(out)));
        }
        None => io.write_out(text.as_bytes())?,
    }
    Ok(())
}
