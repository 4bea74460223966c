//! `unionplan render`: one plan to one document.

use std::path::Path;

use crate::cli::{Format, RenderArgs};
use crate::error::Error;
use crate::load::Source;
use crate::{output, render, templates, validate};

pub fn execute(args: &RenderArgs) -> Result<(), Error> {
    if let Some(out) = &args.output {
        if same_file(out, &args.plan) {
            return Err(Error::Usage(format!(
                "-o {} names the plan itself: rendering would overwrite it",
                out.display()
            )));
        }
    }
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(out)) => format_of(out)?,
        (None, None) => Format::Md,
    };
    let source = Source::read(&args.plan)?;
    let report = validate::check(&source);
    let Some(view) = report.view else {
        return Err(Error::Invalid {
            diagnostics: report.diagnostics,
        });
    };
    // Warnings do not stop a render, but they are shown.
    for warning in &report.diagnostics {
        eprint!("{warning}");
    }
    let env = templates::environment()?;
    let text = render::render(&env, &view, format)?;
    match &args.output {
        Some(out) => output::write_atomic(out, text.as_bytes()),
        None => output::write_stdout(text.as_bytes()),
    }
}

fn format_of(out: &Path) -> Result<Format, Error> {
    out.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format from `{}`: give -f md, html, txt or json",
                out.display()
            ))
        })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
