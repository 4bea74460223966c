//! `render --watch`: render again whenever a plan or a template changes, until Ctrl-C.
//!
//! Paths are watched, not the folders that happen to be at them: `git checkout` and some
//! editors delete a folder and make a new one in its place, so each folder's identity is
//! looked at on every turn, and when one goes or comes back the watches are set up anew.
//! What is rendered follows from what is there: each plan's size, time and identity are
//! compared with the last turn's, so a plan added to a folder is rendered and a plan deleted
//! is reported once.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant, SystemTime};

use file_id::FileId;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache};

use crate::batch::{self, Job, PlanFiles};
use crate::error::{error_line, render_diagnostics, Error, Usage};
use crate::msg;
use crate::output::Streams;

/// How long a turn waits for events before looking at the folders again.
const TICK: Duration = Duration::from_millis(200);
/// Events that come this close together are one change (one save is several events): the
/// debouncer holds a file's events until it has been quiet this long, and a turn takes the
/// debouncer's batches until none has come for as long.
const QUIET: Duration = Duration::from_millis(100);
/// A change that goes on and on is taken as it stands after this long.
const GATHER_AT_MOST: Duration = Duration::from_secs(1);

/// Renders every job once, then again each job whose plan changes or appears, and every job
/// when a file in the templates folder changes (`render` is told to load the templates
/// again), and says which rendered (`render` tells, job by job). `found` is what the command
/// line named at the start (its skipped entries already reported); `jobs_for` makes the jobs
/// for the plans there are at a later turn. Errors are printed and watching goes on; Ctrl-C
/// ends it cleanly, between renders.
pub fn watch(
    paths: &[PathBuf],
    templates: Option<&Path>,
    found: &PlanFiles,
    io: &Streams,
    jobs_for: impl Fn(&[PathBuf]) -> Result<Vec<Job>, Error>,
    mut render: impl FnMut(&[Job], bool) -> Vec<bool>,
) -> Result<(), Error> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).map_err(|e| {
        Error::Usage(Usage::CannotWatch {
            detail: e.to_string(),
        })
    })?;
    let (tx, rx) = mpsc::channel();
    let mut folders = folders(paths, templates);
    let mut watcher = arm(&tx, &mut folders)?;
    let searched: Vec<bool> = paths.iter().map(|p| p.is_dir()).collect();
    let mut plans = Plans {
        known: found
            .plans
            .iter()
            .map(|plan| (plan.clone(), Stamp::of(plan)))
            .collect(),
        warned: found.skipped.iter().map(|s| s.path.clone()).collect(),
    };
    render(&jobs_for(&found.plans)?, false);
    note!(io, "{}", msg!("watch-watching", count = found.plans.len()));
    while !stop.load(Ordering::SeqCst) {
        let mut turn = gather(&rx);
        let mut reload = false;
        let mut rearm = false;
        for folder in &mut folders {
            let now = identity(&folder.path);
            // A folder made anew may get the number of the one deleted: the events that
            // say it went count too.
            let went = turn.rescan || turn.went.contains(&folder.watched);
            if now == folder.identity && !went {
                continue;
            }
            match (&folder.identity, &now) {
                (Some(_), None) => {
                    note!(io, "{}", msg!("watch-gone", folder = shown(&folder.path)))
                }
                (None, Some(_)) => {
                    note!(io, "{}", msg!("watch-back", folder = shown(&folder.path)))
                }
                _ => {}
            }
            folder.identity = now;
            reload |= folder.templates;
            rearm = true;
        }
        if rearm {
            // A new watcher rather than watches moved about: the old one's may still name
            // the folder that is gone. The old one goes on while the new one settles, to
            // pass on the events it holds back still (a template saved meanwhile).
            let old = std::mem::replace(&mut watcher, arm(&tx, &mut folders)?);
            // A folder back is being filled (`mkdir p; cp … p`): look at it once that is done.
            turn.absorb(settle(&rx));
            drop(old);
        }
        let touched = turn.paths;
        if touched.is_empty() && !rearm {
            continue;
        }
        let templates_here = folders.iter().find(|f| f.templates);
        if let Some(folder) = templates_here {
            reload |= touched.iter().any(|p| p.starts_with(&folder.watched));
            // Nothing to load from a folder that is not there: render when it is back.
            reload &= folder.identity.is_some();
        }
        let present = plans.scan(paths, &searched, &folders, io);
        let changed: HashSet<PathBuf> = touched.iter().map(|p| location(p)).collect();
        let (due, removed) = plans.update(present, &changed, reload);
        for plan in &removed {
            let plan = crate::text::display_name(plan);
            note!(io, "{}", msg!("watch-removed", plan = plan));
        }
        if due.is_empty() {
            continue;
        }
        let here: Vec<PathBuf> = plans
            .known
            .iter()
            .filter(|(_, stamp)| stamp.is_some())
            .map(|(plan, _)| plan.clone())
            .collect();
        let jobs = match jobs_for(&here) {
            Ok(jobs) => jobs,
            Err(err) => {
                note!(io, "{}", error_line(err.message()));
                continue;
            }
        };
        let due: Vec<Job> = jobs
            .into_iter()
            .filter(|job| due.contains(&job.plan))
            .collect();
        // A plan that failed has said why; only those that rendered are said to have.
        for (job, rendered) in due.iter().zip(render(&due, reload)) {
            let plan = crate::text::display_name(&job.plan);
            match rendered {
                true => note!(io, "{}", msg!("watch-rendered", plan = plan)),
                false => note!(io, "{}", msg!("watch-failed", plan = plan)),
            }
        }
    }
    drop(watcher);
    Ok(())
}

/// A folder watched: one that plans are searched in or named in, or the templates folder.
struct Folder {
    /// As the user named it, for messages and for finding it again.
    path: PathBuf,
    /// Where it was when last armed (canonical), as events name it.
    watched: PathBuf,
    identity: Option<FileId>,
    templates: bool,
}

/// The folders to watch: those searched, those of plans named (editors save by writing a
/// new file and renaming it over the old one, so the folder is watched, not the file), and
/// the templates folder, with everything under it.
fn folders(paths: &[PathBuf], templates: Option<&Path>) -> Vec<Folder> {
    let mut folders: Vec<Folder> = Vec::new();
    let mut add = |path: PathBuf, templates: bool| {
        let watched = canonical(&path);
        match folders.iter_mut().find(|f| f.watched == watched) {
            Some(folder) => folder.templates |= templates,
            None => folders.push(Folder {
                identity: identity(&path),
                path,
                watched,
                templates,
            }),
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            continue;
        }
        if path.is_dir() {
            add(path.clone(), false);
        } else {
            match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => add(p.to_owned(), false),
                _ => add(PathBuf::from("."), false),
            }
        }
    }
    if let Some(folder) = templates {
        add(folder.to_owned(), true);
    }
    folders
}

/// What a watcher sends: batches of events, each file's once it is quiet.
type Events = mpsc::Receiver<DebounceEventResult>;

/// A watcher over every folder that is there now.
fn arm(
    tx: &mpsc::Sender<DebounceEventResult>,
    folders: &mut [Folder],
) -> Result<Debouncer<notify::RecommendedWatcher, RecommendedCache>, Error> {
    let mut watcher =
        notify_debouncer_full::new_debouncer(QUIET, None, tx.clone()).map_err(watch_error)?;
    for folder in folders.iter_mut().filter(|f| f.identity.is_some()) {
        folder.watched = canonical(&folder.path);
        let mode = if folder.templates {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        match watcher.watch(&folder.watched, mode) {
            Ok(()) => {}
            // Gone again already, or changing under the watch being set up (a folder in it
            // deleted as it is walked): the next turn looks again, and arms again.
            Err(err)
                if matches!(err.kind, notify::ErrorKind::PathNotFound)
                    || identity(&folder.path).is_none() =>
            {
                folder.identity = None
            }
            Err(err) => return Err(watch_error(err)),
        }
    }
    Ok(watcher)
}

/// What the events of one change say.
#[derive(Default)]
struct Turn {
    /// Every path named, but for mere reading.
    paths: Vec<PathBuf>,
    /// Paths deleted or renamed away.
    went: Vec<PathBuf>,
    /// Events were lost: look at everything again.
    rescan: bool,
}

impl Turn {
    fn absorb(&mut self, other: Turn) {
        self.paths.extend(other.paths);
        self.went.extend(other.went);
        self.rescan |= other.rescan;
    }
}

/// The events of one change, gathered; none after a quiet tick.
fn gather(rx: &Events) -> Turn {
    match rx.recv_timeout(TICK) {
        Ok(first) => read(first, settle(rx)),
        Err(_) => Turn::default(),
    }
}

/// The events until a quiet moment. The debouncer settles each file on its own and hands
/// over what settled at each of its ticks; a change that spans ticks (a `git checkout` of many
/// plans, an editor writing a file and then its backup) is still one change, rendered once,
/// so its batches are taken together here, for at most [`GATHER_AT_MOST`].
fn settle(rx: &Events) -> Turn {
    let start = Instant::now();
    let mut turn = Turn::default();
    while start.elapsed() < GATHER_AT_MOST {
        match rx.recv_timeout(QUIET) {
            Ok(events) => turn = read(events, turn),
            Err(_) => break,
        }
    }
    turn
}

/// `turn` with what one batch of events says.
fn read(events: DebounceEventResult, mut turn: Turn) -> Turn {
    let Ok(events) = events else {
        turn.rescan = true;
        return turn;
    };
    for event in events {
        turn.rescan |= event.need_rescan();
        match event.kind {
            // Reading a plan or a template opens it: that is no change.
            notify::EventKind::Access(_) => continue,
            notify::EventKind::Remove(_)
            | notify::EventKind::Modify(notify::event::ModifyKind::Name(_)) => {
                turn.went.extend(event.paths.iter().cloned());
            }
            _ => {}
        }
        turn.paths.extend(event.event.paths);
    }
    turn
}

/// The plans seen so far, with their stamps (`None`: named, but not there now).
struct Plans {
    known: BTreeMap<PathBuf, Option<Stamp>>,
    /// Entries skipped and already warned about.
    warned: HashSet<PathBuf>,
}

impl Plans {
    /// The plans there are now: each folder searched listed again, and each plan named.
    /// The plans of a folder that is gone are `kept` as they were, to be compared when it
    /// is back. New skipped entries are warned about.
    fn scan(
        &mut self,
        paths: &[PathBuf],
        searched: &[bool],
        folders: &[Folder],
        io: &Streams,
    ) -> Scan {
        let mut scan = Scan::default();
        let mut skipped = Vec::new();
        for (path, &searched) in paths.iter().zip(searched) {
            if !searched {
                scan.present.push(path.clone());
                continue;
            }
            let gone = folders
                .iter()
                .any(|f| f.path == *path && f.identity.is_none());
            match batch::plans_in(path) {
                Ok(found) if !gone => {
                    scan.present.extend(found.plans);
                    skipped.extend(found.skipped);
                }
                _ => scan.kept.extend(
                    self.known
                        .keys()
                        .filter(|plan| plan.parent() == Some(path.as_path()))
                        .cloned(),
                ),
            }
        }
        let now: HashSet<PathBuf> = skipped.iter().map(|s| s.path.clone()).collect();
        let new: Vec<_> = skipped
            .iter()
            .filter(|s| !self.warned.contains(&s.path))
            .map(batch::Skipped::warning)
            .collect();
        if !new.is_empty() {
            note!(io, "{}", render_diagnostics(&new));
        }
        self.warned = now;
        scan
    }

    /// Takes in the plans there are now and returns those to render (new ones, ones back,
    /// ones changed: their stamp, or an event named them; or all with `everything`) and
    /// those removed since the last turn, each once.
    fn update(
        &mut self,
        scan: Scan,
        changed: &HashSet<PathBuf>,
        everything: bool,
    ) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let mut due = Vec::new();
        let mut now = BTreeMap::new();
        for plan in scan.kept {
            let before = self.known.get(&plan).cloned().flatten();
            now.insert(plan, before);
        }
        for plan in scan.present {
            let stamp = Stamp::of(&plan);
            let before = self.known.get(&plan);
            if stamp.is_some()
                && (everything
                    || before != Some(&stamp)
                    || (plan.as_os_str() != "-" && changed.contains(&location(&plan))))
            {
                due.push(plan.clone());
            }
            now.insert(plan, stamp);
        }
        let removed = self
            .known
            .iter()
            .filter(|(plan, before)| {
                before.is_some() && !matches!(now.get(*plan), Some(Some(_))) && *plan != "-"
            })
            .map(|(plan, _)| plan.clone())
            .collect();
        self.known = now;
        (due, removed)
    }
}

/// The plans a turn finds.
#[derive(Default)]
struct Scan {
    /// Those there, or named.
    present: Vec<PathBuf>,
    /// Those of folders that are gone.
    kept: Vec<PathBuf>,
}

/// What tells one version of a plan file from the next without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    identity: Option<FileId>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        if path.as_os_str() == "-" {
            return Some(Stamp {
                len: 0,
                modified: None,
                identity: None,
            });
        }
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            identity: identity(path),
        })
    }
}

/// Which file or folder stands at a path: another one made in its place has another.
fn identity(path: &Path) -> Option<FileId> {
    file_id::get_file_id(path).ok()
}

/// A folder as messages show it: `plans/`.
fn shown(folder: &Path) -> String {
    let name = folder.display().to_string();
    if name.ends_with(std::path::MAIN_SEPARATOR) || name.ends_with('/') {
        name
    } else {
        format!("{name}{}", std::path::MAIN_SEPARATOR)
    }
}

/// Where a file is, as events name it: its folder made canonical, and its name. A file
/// that is gone has a location still.
fn location(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            canonical(parent).join(name)
        }
        _ => canonical(path),
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

fn watch_error(err: notify::Error) -> Error {
    Error::Usage(Usage::CannotWatchPlans {
        detail: err.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(known: &[&Path]) -> Plans {
        Plans {
            known: known
                .iter()
                .map(|p| (p.to_path_buf(), Stamp::of(p)))
                .collect(),
            warned: HashSet::new(),
        }
    }

    fn scan(present: &[&Path], kept: &[&Path]) -> Scan {
        Scan {
            present: present.iter().map(|p| p.to_path_buf()).collect(),
            kept: kept.iter().map(|p| p.to_path_buf()).collect(),
        }
    }

    /// A turn that finds the plans `present` (and `kept`, of folders gone), no event naming
    /// any: what is due and what was removed.
    fn turn(state: &mut Plans, present: &[&Path], kept: &[&Path]) -> (Vec<PathBuf>, Vec<PathBuf>) {
        state.update(scan(present, kept), &HashSet::new(), false)
    }

    /// The next turn says that `plan` was removed, and the one after says nothing.
    fn removed_once(state: &mut Plans, present: &[&Path], plan: &Path) {
        assert_eq!(turn(state, present, &[]), (vec![], vec![plan.to_owned()]));
        assert_eq!(turn(state, present, &[]), (vec![], vec![]));
    }

    #[test]
    fn a_plan_is_due_when_added_or_changed_and_removed_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        let b = dir.path().join("b.yaml");
        std::fs::write(&a, "title: a\n").unwrap();
        let mut state = plans(&[&a]);
        assert_eq!(turn(&mut state, &[&a], &[]), (vec![], vec![]));

        std::fs::write(&b, "title: b\n").unwrap();
        assert_eq!(turn(&mut state, &[&a, &b], &[]), (vec![b.clone()], vec![]));

        std::fs::write(&a, "title: a, longer\n").unwrap();
        assert_eq!(turn(&mut state, &[&a, &b], &[]), (vec![a.clone()], vec![]));
        let named: HashSet<PathBuf> = [location(&b)].into();
        assert_eq!(
            state.update(scan(&[&a, &b], &[]), &named, false),
            (vec![b.clone()], vec![])
        );

        std::fs::remove_file(&b).unwrap();
        removed_once(&mut state, &[&a], &b);
        std::fs::write(&b, "title: b\n").unwrap();
        let none = HashSet::new();
        assert_eq!(state.update(scan(&[&a, &b], &[]), &none, true).0, [a, b]);
    }

    #[test]
    fn the_plans_of_a_folder_that_is_gone_wait_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        std::fs::write(&a, "title: a\n").unwrap();
        let mut state = plans(&[&a]);
        std::fs::remove_file(&a).unwrap();
        assert_eq!(turn(&mut state, &[], &[&a]), (vec![], vec![]));
        // A plan named that is not there is removed, once.
        removed_once(&mut state, &[&a], &a);
    }
}
