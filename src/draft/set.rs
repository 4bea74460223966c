//! `--set PATH=VALUE`: a value put in place of the plan's, by a path in either key language.

use std::sync::Arc;

use crate::error::{Diagnostic, Error, Severity};
use crate::load::{self, Override, Place};
use crate::msg;

/// The overrides the `--set` arguments give, in order (a later one for the same path wins);
/// every argument that is not one is an error at its place.
pub fn overrides(args: &[String]) -> Result<Vec<Override>, Error> {
    let mut overrides = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let name = format!("--set {}", i + 1);
        let text: Arc<str> = Arc::from(arg.as_str());
        // A full-width ＝ as a Chinese keyboard types it.
        let Some((equals, sign)) = arg.char_indices().find(|(_, c)| matches!(c, '=' | '＝'))
        else {
            diagnostics.push(
                Diagnostic::at_range(
                    Severity::Error,
                    &name,
                    arg,
                    0,
                    Some(arg.len()),
                    msg!("set-no-equals"),
                )
                .with_hint(msg!("set-no-equals-hint")),
            );
            continue;
        };
        let (path, value) = (&arg[..equals], &arg[equals + sign.len_utf8()..]);
        let starts = Arc::from(crate::text::line_starts(arg));
        let place = Place::new(
            name,
            text,
            starts,
            (0, equals),
            (equals + sign.len_utf8(), arg.len()),
        );
        match load::resolve_path(path) {
            Ok(segs) => {
                overrides.push(Override::scalar(segs, path.trim().to_owned(), value, place))
            }
            Err(bad) => diagnostics.push(bad_path(&place, 0, bad)),
        }
    }
    if diagnostics.is_empty() {
        Ok(overrides)
    } else {
        Err(Error::Invalid { diagnostics })
    }
}

/// The diagnostic for a path that is none, at its step in `place` (the path starts at
/// `offset` of the place's text).
pub fn bad_path(place: &Place, offset: usize, bad: load::BadPath) -> Diagnostic {
    let d = place.span(
        Severity::Error,
        offset + bad.start,
        offset + bad.end,
        bad.message,
    );
    match bad.hint {
        Some(hint) => d.with_hint(hint),
        None => d,
    }
}
