//! `unionplan next`: the next period's draft of a plan on standard output (or `-o FILE`),
//! every change it makes, with its place, on standard error, and what the draft keeps that
//! does not fit its period.

use std::path::Path;

use crate::cli::NextArgs;
use crate::draft::next::{self, Draft};
use crate::error::{render_diagnostics, Diagnostic, Error, Usage};
use crate::load::Source;
use crate::msg;
use crate::output::{self, Streams};
use crate::text::display_name;
use crate::validate;

pub fn execute(args: &NextArgs, io: &Streams) -> Result<(), Error> {
    let out = args.output.as_deref().filter(|o| *o != Path::new("-"));
    if let Some(out) = out {
        if crate::file_kind::same_file(out, &args.plan) {
            return Err(Error::Usage(Usage::OutputIsPlan {
                path: out.to_owned(),
            }));
        }
    }
    let source = Source::read(&args.plan)?;
    let draft = next::next(&source)?;
    let name = out.map_or_else(|| source.name.clone(), display_name);
    let kept = kept(&draft, &name)?;
    // A byte order mark the plan starts with, the draft starts with too.
    let bom = if args.plan != Path::new("-") && starts_with_bom(&args.plan) {
        "\u{feff}"
    } else {
        ""
    };
    let bytes = format!("{bom}{}", draft.text);
    match out {
        // A dangling link is there too: writing would replace it.
        Some(path) if !args.force && std::fs::symlink_metadata(path).is_ok() => {
            return Err(Error::Usage(Usage::DraftWouldOverwrite {
                path: path.to_owned(),
            }))
        }
        Some(path) => output::write_atomic(path, bytes.as_bytes())?,
        None => io.write_out(bytes.as_bytes())?,
    }
    let ((from_year, from), (to_year, to)) = (draft.from, draft.to);
    note!(
        io,
        "{}",
        msg!(
            "next-drafted",
            file = &source.name,
            from = from.when(from_year),
            to = to.when(to_year),
            count = draft.changes.len()
        )
    );
    let starts = crate::text::line_starts(&source.text);
    for change in &draft.changes {
        let line = starts.partition_point(|&s| s <= change.start);
        let column = source.text[starts[line - 1]..change.start].chars().count() + 1;
        note!(
            io,
            "{}",
            msg!(
                "next-change",
                place = format!("{}:{line}:{column}", source.name),
                old = shown(&change.old),
                new = shown(&change.new)
            )
        );
    }
    if !kept.is_empty() {
        note!(io, "{}", msg!("next-kept", to = to.when(to_year)));
        note!(io, "{}", render_diagnostics(&kept));
    }
    Ok(())
}

fn starts_with_bom(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0; 3];
    std::fs::File::open(path).is_ok_and(|mut f| f.read_exact(&mut start).is_ok())
        && start == *b"\xEF\xBB\xBF"
}

/// A change's text on one line.
fn shown(text: &str) -> String {
    text.replace('\n', "\\n")
}

/// What checking the draft warns of that checking the plan did not: schedule months outside
/// the new period, years that no longer fit it. The draft keeps them as written.
fn kept(draft: &Draft, name: &str) -> Result<Vec<Diagnostic>, Error> {
    let said = |d: &Diagnostic| (d.line, d.column, d.message.code());
    let before: Vec<_> = draft.warnings.iter().map(said).collect();
    let checked = Source::from_bytes(name.to_owned(), draft.text.as_bytes())?;
    let mut kept: Vec<Diagnostic> = validate::check(&checked)
        .diagnostics
        .into_iter()
        .filter(|d| !before.contains(&said(d)))
        .chain(draft.others.iter().map(|other| other.diagnostic(&checked)))
        .collect();
    kept.sort_by_key(|d| (d.line, d.column));
    Ok(kept)
}
