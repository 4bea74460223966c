//! `unionplan check`: validate and lint plans, report every problem, render nothing.

use std::process::ExitCode;

use crate::cli::{CheckArgs, ReportFormat};
use crate::error::{render_diagnostics, Diagnostic, Error, Severity, Usage};
use crate::load::{Override, Source};
use crate::output::Streams;
use crate::{batch, draft, validate};

pub fn execute(args: &CheckArgs, io: &Streams) -> Result<ExitCode, Error> {
    let mut failed = false;
    let found = batch::find_plans(&args.plans)?;
    // Entries of a folder that are named like plans but are none come first.
    let mut diagnostics = found.warnings();
    if args.each.is_some() && found.plans.len() != 1 {
        return Err(Error::Usage(Usage::EachWithSeveralPlans {
            count: found.plans.len(),
        }));
    }
    // What `--set` and `--each` give: their problems are reported as the plans' are.
    let given = draft::set::overrides(&args.set).and_then(|set| match &args.each {
        Some(members) => Ok((set, draft::each::read(members)?)),
        None => Ok((set, Vec::new())),
    });
    let (set, members) = match given {
        Ok(given) => given,
        Err(Error::Invalid { diagnostics: found }) => {
            diagnostics.extend(found);
            (Vec::new(), Vec::new())
        }
        Err(err @ (Error::Read { .. } | Error::Decode { .. })) => {
            let name = args.each.as_deref().map(crate::text::display_name);
            diagnostics.push(unreadable(&name.unwrap_or_default(), err));
            (Vec::new(), Vec::new())
        }
        Err(err) => return Err(err),
    };
    // Nothing is checked with values that could not be read.
    let given_failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    // Each plan once with `--set`, or once for each member.
    let runs: Vec<(&std::path::PathBuf, Option<String>, Vec<Override>)> = match members.is_empty() {
        true => found.plans.iter().map(|p| (p, None, set.clone())).collect(),
        false => members
            .into_iter()
            .map(|m| {
                let overrides = m.overrides.into_iter().chain(set.clone()).collect();
                (&found.plans[0], Some(m.label), overrides)
            })
            .collect(),
    };
    let mut checked = Vec::new();
    for (path, member, overrides) in runs.into_iter().filter(|_| !given_failed) {
        let found = match Source::read(path) {
            Ok(source) => validate::check(&source.with_overrides(overrides)).diagnostics,
            Err(Error::Invalid { diagnostics }) => diagnostics,
            Err(err) => vec![unreadable(&crate::text::display_name(path), err)],
        };
        checked.push((member, found));
    }
    match &args.each {
        Some(_) => {
            let plan = crate::text::display_name(&found.plans[0]);
            diagnostics.extend(draft::each::attribute(&plan, checked));
        }
        None => diagnostics.extend(checked.into_iter().flat_map(|(_, found)| found)),
    }
    for d in &mut diagnostics {
        if args.strict {
            d.severity = Severity::Error;
        }
        failed |= d.severity == Severity::Error;
    }
    // People read problems on stderr; JSON is a result, for scripts, on stdout.
    let mut out = match args.format {
        ReportFormat::Human => io.err(),
        ReportFormat::Json => io.out(),
    };
    let written = match args.format {
        ReportFormat::Human if diagnostics.is_empty() => Ok(()),
        ReportFormat::Human => writeln!(out, "{}", render_diagnostics(&diagnostics)),
        ReportFormat::Json => diagnostics.iter().try_for_each(|d| {
            let json = serde_json::to_string(d).expect("diagnostics serialize");
            writeln!(out, "{json}")
        }),
    };
    // A reader that stops early (`| head`) is not an error, as for rendering.
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(Error::Write {
                path: match args.format {
                    ReportFormat::Human => "<stderr>",
                    ReportFormat::Json => "<stdout>",
                }
                .into(),
                source: e,
            })
        }
        _ => {}
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A file that cannot be read or decoded, which has no lines to point at.
fn unreadable(name: &str, err: Error) -> Diagnostic {
    Diagnostic::whole_file(
        name,
        match err {
            // Its path is the diagnostic's already.
            Error::Decode { message, .. } => message,
            other => other.message(),
        },
    )
}
