//! Many plans in one run: plans found in folders, each parsed and checked once and rendered
//! to every format asked for, on all cores; a failing plan does not stop the others.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ParallelProgressIterator, ProgressIterator};
use rayon::prelude::*;

use crate::error::{Diagnostic, Error, Severity, Usage};
use crate::file_kind::{self, FileKind};
use crate::format::Format;
use crate::load::{Override, Source};
use crate::msg;
use crate::output::{Found, Streams};
use crate::templates::Templates;
use crate::text::display_name;
use crate::{output, render, validate};

/// Where one rendering goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
}

/// One plan and everything to render from it.
#[derive(Debug, Clone)]
pub struct Job {
    pub plan: PathBuf,
    pub outputs: Vec<(Format, Target)>,
    /// Values put in place of the plan's (`--set`, a member's row of `--each`).
    pub overrides: Vec<Override>,
    /// The member union the job renders the plan for, which names it in messages.
    pub member: Option<String>,
}

impl Job {
    /// What names the job in messages: its member, or its plan.
    pub fn name(&self) -> String {
        match &self.member {
            Some(member) => format!("{} [{member}]", display_name(&self.plan)),
            None => display_name(&self.plan),
        }
    }
}

/// Write the outputs, or only compare them with what is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// What happened to one output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written to standard output.
    Printed,
    /// Written, new or changed.
    Written,
    /// Already as rendered: left alone, modification time and all.
    Unchanged,
    /// (check) The output differs from the rendering, or cannot be compared with it.
    Stale(Stale),
    /// (check) The file does not exist.
    Missing,
}

/// How a stale output differs from the rendering, as far as `--check` looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// A unified diff (text formats).
    Diff(String),
    /// The diff is shown in part: its start, cut for the reason given.
    Cut(String, Cut),
    /// Differs; no diff is shown (a Word document).
    Differs,
    /// The file is larger than [`MAX_COMPARE`]: it is not read.
    TooLarge,
    /// A symbolic link: what it leads to is never read, so that `--check` cannot show a file
    /// from elsewhere (`pub/base.txt -> /etc/shadow`) in its diff.
    Link,
    /// A file reached through a folder that is a link: not read either.
    ThroughLink,
    /// A device or named pipe: never opened, as reading one may wait or never end.
    Stream(output::Stream),
}

/// Why a diff is shown only in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The diff ran out of time: the files are too different to work it out in full.
    Slow,
    /// The diff is longer than a log should take ([`CUT_DIFF_BYTES`]).
    Long,
}

/// The largest existing file `--check` reads to compare; a larger one is stale unread.
pub const MAX_COMPARE: u64 = 16 << 20;

/// How long a diff may take; then it is cut short. Diffing takes time that grows faster
/// than the files (6 MB of lines unlike the rendering would take over a minute).
const DIFF_TIME: std::time::Duration = std::time::Duration::from_secs(1);

/// How much of a diff cut short is shown.
const CUT_DIFF_BYTES: usize = 16 << 10;

/// Why a plan failed.
#[derive(Debug)]
pub enum Failure {
    /// The plan has errors; they are among the result's diagnostics.
    Invalid,
    /// It could not be read, rendered or written.
    Error(Error),
}

/// What rendering one plan did.
#[derive(Debug)]
pub struct PlanResult {
    pub plan: PathBuf,
    /// What names it in messages ([`Job::name`]).
    pub name: String,
    /// The member union it was rendered for, as messages name it.
    pub member: Option<String>,
    /// Warnings, and errors when the plan is invalid.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the plan produced nothing (or not everything), if it did not.
    pub failure: Option<Failure>,
    pub outputs: Vec<(Target, Outcome)>,
}

/// The plans a command line names, and what its folders hold that is named like a plan but
/// is none.
#[derive(Debug, Default)]
pub struct PlanFiles {
    pub plans: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

impl PlanFiles {
    /// A warning for each entry skipped (an error where warnings count as errors).
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.skipped.iter().map(Skipped::warning).collect()
    }
}

/// An entry of a plans folder named like a plan (`*.yaml`) that is not a plan file: a link
/// to nothing, a named pipe, a socket, a device, a folder. It is never opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub kind: FileKind,
}

impl Skipped {
    /// The warning, as `warning: plans/x.yaml: a link to nothing (plans/gone.yaml): skipped; …`.
    pub fn warning(&self) -> Diagnostic {
        let kind = self.kind.message();
        let message = match &self.kind {
            broken if broken.is_broken_link() => msg!("skipped-broken-link", kind = kind),
            FileKind::LeadsOut(_) => msg!("skipped-leads-out", kind = kind),
            _ => msg!("skipped-not-a-plan", kind = kind),
        };
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::whole_file(&display_name(&self.path), message)
        }
    }
}

/// The plan files named: files as given, folders searched (not recursively) for *.yaml and
/// *.yml, in name order. A file named is read whatever it is (a pipe from `<(…)`, like `-`);
/// in a folder only regular files and links to them are plans, and the other entries named
/// like plans are skipped, said in the result. A folder without a plan is an error.
pub fn find_plans(paths: &[PathBuf]) -> Result<PlanFiles, Error> {
    let mut found = PlanFiles::default();
    for path in paths {
        if !path.is_dir() {
            found.plans.push(path.clone());
            continue;
        }
        let mut inside = plans_in(path).map_err(|source| Error::Read {
            path: display_name(path),
            source,
        })?;
        if inside.plans.is_empty() {
            return Err(Error::NoPlans {
                folder: path.clone(),
                skipped: inside
                    .skipped
                    .into_iter()
                    .map(|s| (s.path, s.kind))
                    .collect(),
            });
        }
        found.plans.append(&mut inside.plans);
        found.skipped.append(&mut inside.skipped);
    }
    Ok(found)
}

/// The plans in one folder, in name order, and the entries skipped; none is an empty result.
pub fn plans_in(folder: &Path) -> std::io::Result<PlanFiles> {
    let mut found = PlanFiles::default();
    for entry in std::fs::read_dir(folder)?.filter_map(Result::ok) {
        let name = entry.file_name();
        // Emacs marks a file being edited with `.#<name>`, a link to nothing by design.
        if !is_plan_file(Path::new(&name)) || name.as_encoded_bytes().starts_with(b".#") {
            continue;
        }
        let path = entry.path();
        // The listing says what each entry is; only a link needs a look at its target.
        let kind = match entry.file_type() {
            Ok(t) if t.is_file() => Ok(FileKind::File),
            Ok(t) if t.is_symlink() => FileKind::of(&path).map(|kind| match kind {
                FileKind::File => outside(folder, &path).map_or(kind, FileKind::LeadsOut),
                kind => kind,
            }),
            _ => FileKind::of(&path),
        };
        match kind {
            Ok(FileKind::File) => found.plans.push(path),
            Ok(kind) => found.skipped.push(Skipped { path, kind }),
            // Gone since the listing.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            // What cannot be looked at cannot be opened either: reading it says why.
            Err(_) => found.plans.push(path),
        }
    }
    found.plans.sort();
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// Where the link `path` in `folder` leads, when that is outside the folder (links resolved).
fn outside(folder: &Path, path: &Path) -> Option<PathBuf> {
    let folder = folder.canonicalize().ok()?;
    let target = path.canonicalize().ok()?;
    (!target.starts_with(&folder)).then_some(target)
}

/// Whether a file name says it is a plan.
pub fn is_plan_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The jobs for writing every plan in every format into a folder, as DIR/<name>.<ext>.
/// Two plans that would write the same file are refused before anything is written.
pub fn folder_jobs(plans: &[PathBuf], formats: &[Format], dir: &Path) -> Result<Vec<Job>, Error> {
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    let mut jobs = Vec::new();
    for plan in plans {
        let stem = if plan == Path::new("-") {
            OsStr::new("stdin")
        } else {
            plan.file_stem()
                .ok_or_else(|| Error::Usage(Usage::NoFileName { plan: plan.clone() }))?
        };
        let mut outputs = Vec::new();
        for &format in formats {
            let out = dir.join(format.file_name(stem));
            if let Some(other) = seen.get(&out) {
                return Err(Error::Usage(Usage::SameOutput {
                    first: other.to_path_buf(),
                    second: plan.clone(),
                    out,
                }));
            }
            seen.insert(out.clone(), plan);
            outputs.push((format, Target::File(out)));
        }
        jobs.push(Job {
            plan: plan.clone(),
            outputs,
            overrides: Vec::new(),
            member: None,
        });
    }
    Ok(jobs)
}

/// Runs every job, on as many threads as there are cores, and returns the results in the
/// order of the jobs. A progress bar shows on a terminal when there are many plans.
pub fn run(jobs: &[Job], templates: &Templates, mode: Mode, io: &Streams) -> Vec<PlanResult> {
    // Asking for the cores reads the cgroup files, and a pool starts threads: not worth it
    // for one plan.
    let threads = match jobs.len() {
        0 | 1 => 1,
        n => std::thread::available_parallelism().map_or(1, |cores| cores.get().min(n)),
    };
    let progress = (jobs.len() >= 20 && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(jobs.len() as u64));
    let one = |job| run_one(job, templates, mode, io);
    if threads == 1 && progress.is_none() {
        return jobs.iter().map(one).collect();
    }
    let progress = progress.unwrap_or_else(indicatif::ProgressBar::hidden);
    let pool = (threads > 1)
        .then(|| rayon::ThreadPoolBuilder::new().num_threads(threads).build())
        .and_then(Result::ok);
    let results = match pool {
        Some(pool) => pool.install(|| {
            jobs.par_iter()
                .map(one)
                .progress_with(progress.clone())
                .collect()
        }),
        // Also where no thread could be started: one plan after the other.
        None => jobs
            .iter()
            .map(one)
            .progress_with(progress.clone())
            .collect(),
    };
    progress.finish_and_clear();
    results
}

/// Reads, checks and renders one plan to each of its outputs.
fn run_one(job: &Job, templates: &Templates, mode: Mode, io: &Streams) -> PlanResult {
    let mut result = PlanResult {
        plan: job.plan.clone(),
        name: job.name(),
        member: job.member.clone(),
        diagnostics: Vec::new(),
        failure: None,
        outputs: Vec::new(),
    };
    let source = match Source::read(&job.plan) {
        Ok(source) => source.with_overrides(job.overrides.clone()),
        Err(Error::Invalid { diagnostics }) => {
            result.diagnostics = diagnostics;
            result.failure = Some(Failure::Invalid);
            return result;
        }
        Err(err) => {
            result.failure = Some(Failure::Error(err));
            return result;
        }
    };
    let report = validate::check(&source);
    result.diagnostics = report.diagnostics;
    let Some(view) = report.plan.map(crate::view::build) else {
        result.failure = Some(Failure::Invalid);
        return result;
    };
    let context = std::cell::OnceCell::new();
    for (format, target) in &job.outputs {
        let rendered = match render::render_with(templates, &view, &context, *format) {
            Ok(text) => text,
            Err(err) => {
                result.failure = Some(Failure::Error(err));
                return result;
            }
        };
        match deliver(target, &job.plan, &rendered, *format, mode, io) {
            Ok(outcome) => result.outputs.push((target.clone(), outcome)),
            Err(err) => {
                result.failure = Some(Failure::Error(err));
                return result;
            }
        }
    }
    result
}

/// Writes one rendering to its target, or (check) compares it with what is there. What the
/// target is decides how, before anything is opened: see [`output::look`].
fn deliver(
    target: &Target,
    plan: &Path,
    bytes: &[u8],
    format: Format,
    mode: Mode,
    io: &Streams,
) -> Result<Outcome, Error> {
    let path = match target {
        Target::Stdout => {
            io.write_out(bytes)?;
            return Ok(Outcome::Printed);
        }
        Target::File(path) => path,
    };
    let found = output::look(path).map_err(|e| match mode {
        Mode::Write => output::write_error(path, e),
        Mode::Check => output::read_error(path, e),
    })?;
    Ok(match (found, mode) {
        (Found::Nothing, Mode::Check) => Outcome::Missing,
        (Found::Nothing, Mode::Write) => {
            output::replace(path, bytes, None)?;
            Outcome::Written
        }
        (Found::File(_), Mode::Check) if output::through_link(path) => {
            Outcome::Stale(Stale::ThroughLink)
        }
        (Found::File(meta), mode) => {
            if file_kind::same_file(path, plan) {
                return Err(Error::Usage(Usage::OutputIsPlan {
                    path: path.to_owned(),
                }));
            }
            compare_file(path, &meta, bytes, format, mode)?
        }
        (Found::Stream(stream), Mode::Check) => Outcome::Stale(Stale::Stream(stream)),
        (Found::Stream(stream), Mode::Write) => {
            output::write_into(path, stream, bytes)?;
            Outcome::Written
        }
        (Found::Link(_), Mode::Check) => Outcome::Stale(Stale::Link),
        (found, _) => return Err(output::refusal(path, found)),
    })
}

/// An output that is a regular file: left alone when it already holds the rendering,
/// replaced (write) or compared (check) when not. It is read only when that can tell
/// something: not to write when its size differs, not past [`MAX_COMPARE`] to compare.
fn compare_file(
    path: &Path,
    meta: &std::fs::Metadata,
    bytes: &[u8],
    format: Format,
    mode: Mode,
) -> Result<Outcome, Error> {
    let size = bytes.len() as u64;
    let limit = match mode {
        Mode::Write => size,
        Mode::Check if format.is_text() => size.max(MAX_COMPARE),
        Mode::Check => size,
    };
    let existing = if meta.len() <= limit {
        match (output::read_file(path, limit), mode) {
            (Ok(existing), _) => existing,
            // Writing does not need to read: an unreadable file is replaced.
            (Err(_), Mode::Write) => None,
            (Err(e), Mode::Check) => return Err(output::read_error(path, e)),
        }
    } else {
        None
    };
    if existing.as_deref() == Some(bytes) {
        return Ok(Outcome::Unchanged);
    }
    if mode == Mode::Write {
        output::replace(path, bytes, Some(meta))?;
        return Ok(Outcome::Written);
    }
    Ok(Outcome::Stale(match existing {
        _ if !format.is_text() => Stale::Differs,
        Some(existing) => diff(path, &existing, bytes),
        None => Stale::TooLarge,
    }))
}

/// A unified diff from the file to the rendering, cut short when it takes too long.
fn diff(path: &Path, old: &[u8], new: &[u8]) -> Stale {
    let name = display_name(path);
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    let deadline = std::time::Instant::now() + DIFF_TIME;
    let diff = similar::TextDiff::configure()
        .deadline(deadline)
        .diff_lines(old.as_ref(), new.as_ref());
    let rendered = msg!("diff-rendered", path = &name).to_string();
    let mut unified = diff.unified_diff();
    unified.context_radius(3).header(&name, &rendered);
    let mut shown = Capped(String::new());
    let long = std::fmt::Write::write_fmt(&mut shown, format_args!("{unified}")).is_err();
    // The old file's lines go to a terminal or a CI log: its control characters are shown,
    // not sent, so that it cannot retitle or clear the terminal, or hide a line with `\r`.
    let mut shown = crate::error::visible(&shown.0).into_owned();
    let cut = if std::time::Instant::now() >= deadline {
        // Past the deadline the diff is coarse and as long as both files.
        Cut::Slow
    } else if long {
        Cut::Long
    } else {
        return Stale::Diff(shown);
    };
    shown.truncate(shown.rfind('\n').map_or(0, |end| end + 1));
    Stale::Cut(shown, cut)
}

/// Text written up to [`CUT_DIFF_BYTES`], then a refusal that stops the writer.
struct Capped(String);

impl std::fmt::Write for Capped {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let room = CUT_DIFF_BYTES.saturating_sub(self.0.len());
        if s.len() <= room {
            self.0.push_str(s);
            return Ok(());
        }
        let mut end = room;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        self.0.push_str(&s[..end]);
        Err(std::fmt::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_skipped_and_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let plans = dir.path().join("plans");
        std::fs::create_dir_all(plans.join("shared")).unwrap();
        std::fs::write(dir.path().join("secret"), "root:x:0:0\n").unwrap();
        std::fs::write(plans.join("shared/base.yaml"), "title: x\n").unwrap();
        std::os::unix::fs::symlink("../secret", plans.join("leak.yaml")).unwrap();
        std::os::unix::fs::symlink("shared/base.yaml", plans.join("base.yaml")).unwrap();
        let found = find_plans(std::slice::from_ref(&plans)).unwrap();
        assert_eq!(found.plans, [plans.join("base.yaml")]);
        let secret = dir.path().join("secret").canonicalize().unwrap();
        assert_eq!(
            found.skipped,
            [Skipped {
                path: plans.join("leak.yaml"),
                kind: FileKind::LeadsOut(secret.clone()),
            }]
        );
        let warning = &found.warnings()[0];
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(
            warning.message.to_string(),
            format!(
                "a link that leads out of the folder (to {}): skipped; name the plan on the \
                 command line to render it from there",
                secret.display()
            )
        );
    }

    /// On many threads, each plan's result is where its job is, whichever finishes first.
    #[test]
    fn results_come_in_the_order_of_the_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let plans: Vec<PathBuf> = (0..40)
            .map(|i| {
                let plan = dir.path().join(format!("{i:02}.yaml"));
                let text = if i % 3 == 0 {
                    "year: 2027.5\nsections: [正文]\n"
                } else {
                    "sections: [正文]\n"
                };
                std::fs::write(&plan, text).unwrap();
                plan
            })
            .collect();
        let jobs =
            folder_jobs(&plans, &[Format::Md, Format::Txt], &dir.path().join("out")).unwrap();
        let templates = Templates::new(None).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let results = run(
            &jobs,
            &templates,
            Mode::Write,
            &Streams::new(&mut out, &mut err),
        );
        let order: Vec<&PathBuf> = results.iter().map(|r| &r.plan).collect();
        assert_eq!(order, plans.iter().collect::<Vec<_>>());
        for (i, result) in results.iter().enumerate() {
            assert_eq!(
                result.failure.is_some(),
                i % 3 == 0,
                "{}",
                result.plan.display()
            );
            assert_eq!(result.outputs.len(), if i % 3 == 0 { 0 } else { 2 });
        }
    }

    #[test]
    fn a_folder_gives_its_plan_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.yml", "a.yaml", "notes.txt", "C.YAML"] {
            std::fs::write(dir.path().join(name), "title: x\n").unwrap();
        }
        std::fs::create_dir(dir.path().join("old.yaml")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("a.yaml"), dir.path().join("d.yaml"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("e.yaml")).unwrap();
            std::os::unix::fs::symlink("me@host.1:1", dir.path().join(".#a.yaml")).unwrap();
        }
        let found = find_plans(&[dir.path().to_owned()]).unwrap();
        let names = |paths: Vec<&PathBuf>| -> Vec<String> {
            paths
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        };
        let expected: &[&str] = if cfg!(unix) {
            &["C.YAML", "a.yaml", "b.yml", "d.yaml"]
        } else {
            &["C.YAML", "a.yaml", "b.yml"]
        };
        assert_eq!(names(found.plans.iter().collect()), expected);
        let skipped: &[&str] = if cfg!(unix) {
            &["e.yaml", "old.yaml"]
        } else {
            &["old.yaml"]
        };
        assert_eq!(
            names(found.skipped.iter().map(|s| &s.path).collect()),
            skipped
        );
    }
}
