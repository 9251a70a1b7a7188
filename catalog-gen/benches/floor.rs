//! Regeneration against its floor: how long `regen` takes and how much memory it needs, as a
//! multiple of what bare pulldown-cmark needs to parse the same docs (tables on, every event
//! consumed). Absolute figures differ by machine; the ratios are what BENCHMARKS.md tracks.
//!
//! ```sh
//! cargo bench -p catalog-gen --bench floor                  # 20k, 100k and 200k rows
//! cargo bench -p catalog-gen --bench floor -- 20000 200000  # any sizes
//! FLOOR_RUNS=15 cargo bench -p catalog-gen --bench floor    # more runs (default 9)
//! FLOOR_PAUSE=3 cargo bench -p catalog-gen --bench floor     # 3 idle seconds before each run
//! FLOOR_SHAPE=glacier cargo bench -p catalog-gen --bench floor # the Glacier page's rows
//! ```
//!
//! Every measurement is a fresh process, as `cargo xtask regen` is: this binary runs itself
//! with `floor PAGE`, `write DIR` or `regen MANIFEST`, times the child from spawn to exit
//! (what a user waits for, reading the files and writing them included), and the child
//! reports its peak resident memory (`VmHWM`) and the CPU time it took in the kernel (Linux).
//! Runs of every kind alternate, so a busy moment on the machine falls on all of them alike;
//! each figure is the median, and every run's time is listed beside it: on a machine whose
//! fresh memory is slow some of the time (a virtual machine that hands freed memory back to
//! its host), a median can fall on a slow run, and the system time says which runs were.
//! Slow runs only ever add time, so each kind's quickest run against the floor's quickest is
//! shown too: the ratio of the two undisturbed times. Nine runs by default, as on the
//! benchmark machine the bare parse alone took 0.38–1.70 s in one benchmark's nine runs at
//! 200k rows, and a median of five fell on slow runs more than once (BENCHMARKS.md, section 0,
//! forty-second round).
//!
//! By default each run starts as soon as the one before it (and its preparation) has ended,
//! so it mostly gets memory that process has just freed. `FLOOR_PAUSE` (seconds) leaves the
//! machine idle that long before every run instead, as for any regen started a few idle
//! seconds after the one before it: on a virtual machine that hands memory idle for a few
//! seconds back to its host, every run then takes its memory back from the host
//! (BENCHMARKS.md, section 0, forty-sixth round).
//!
//! The docs are `catalog_gen::synth`'s (rows shaped like the MediaConvert page's, about 500
//! bytes each; with `FLOOR_SHAPE=glacier`, like the S3 Glacier API error page's, about 180
//! bytes each and string codes), one page per size. Regeneration is measured four ways: into an empty output
//! directory (`new`), over files that are up to date (`unchanged`), after one cell of the
//! page changed (`one edit`: every file read back and compared, the API snapshot parsed, the
//! changelog computed, two files rewritten), and the same where the manifest retires a row
//! the page no longer has (`one edit, a row retired`: its last text read from the snapshot).
//!
//! A second reference beside the floor: `writes alone` (`write DIR`) writes the files regen
//! writes for those docs as regen writes them (`regen::Staged`: each synced before it is
//! renamed into place), and does nothing else. Its figure is the writes' own time, measured
//! in the child: the child must first read the files into memory, which regen never does (it
//! makes them), and on this machine reading 360 MB into fresh memory took 0.26–0.83 s (the
//! writes themselves took 0.556 s the same day). The generated files are about 3.7 times
//! the docs' size, so on a slow disk this part of regen alone can be more than the floor.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use catalog_gen::regen::{self, Options};
use catalog_gen::synth::{self, Shape};
use catalog_gen::{Cleanup, FileText};
use pulldown_cmark::{Options as ParserOptions, Parser};

// The allocator `cargo xtask` runs with, so that figures are what users see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DEFAULT_SIZES: &[usize] = &[20_000, 100_000, 200_000];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("floor") => floor(Path::new(&args[1])),
        Some("regen") => regen_once(Path::new(&args[1])),
        Some("write") => write_only(Path::new(&args[1])),
        Some("read") => read_only(&args[1], Path::new(&args[2])),
        Some("write-sizes") => write_sizes(Path::new(&args[1])),
        _ => compare(&args),
    }
}

/// The floor, in a child process: read the page, parse it with tables on, consume every event.
fn floor(page: &Path) {
    let text = std::fs::read_to_string(page).expect("the page");
    let events = Parser::new_ext(&text, ParserOptions::ENABLE_TABLES).count();
    std::hint::black_box(events);
    print_process_figures();
}

/// One `regen` (write mode) in a child process, as `cargo xtask regen --manifest` runs it:
/// what regen is done with is left to the process's exit ([`Cleanup::AtExit`]), and large
/// files replaced are set aside in the target directory ([`regen::default_set_aside`]).
fn regen_once(manifest: &Path) {
    let set_aside = regen::default_set_aside();
    let set_aside = set_aside.as_deref();
    let options = Options { cleanup: Cleanup::AtExit, set_aside, ..Options::default() };
    if let Err(error) = regen::regen(manifest, &options) {
        panic!("regen failed: {}", error.render(false));
    }
    print_process_figures();
}

/// Regen's writes alone, in a child process: the files in `dir` (the generated files) are
/// written anew by [`regen::Staged`], as regen writes them, the files they replace cached
/// until the renames: a bound on the writes, which by hand took about a tenth of this time
/// with those pages dropped first (BENCHMARKS.md, section 0, forty-fifth round). The files
/// are read back from the page cache first; the time printed after the peak memory is that
/// of the writes only.
fn write_only(dir: &Path) {
    let files: Vec<(String, FileText)> = std::fs::read_dir(dir)
        .expect("the generated files")
        .map(|entry| {
            let path = entry.expect("a generated file").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).expect("a generated file").into())
        })
        .collect();
    let files: Vec<(&str, &FileText)> =
        files.iter().map(|(name, text)| (name.as_str(), text)).collect();
    let start = Instant::now();
    let staged = regen::Staged::write(dir, &files).expect("the files are written");
    staged.persist().expect("the files are put in place");
    let written = start.elapsed();
    print_process_figures();
    println!("timed {}", written.as_nanos());
}

/// A page read into memory and nothing else, in a child process of its own (`read whole PAGE`
/// as `std::fs::read` reads it, `read parts PAGE` as regen reads its pages): the time printed
/// is the read's. Not part of the comparison; BENCHMARKS.md runs it by hand.
fn read_only(how: &str, page: &Path) {
    let start = Instant::now();
    let bytes = match how {
        "whole" => std::fs::read(page),
        "parts" => catalog_gen::load::read_bytes(page),
        other => panic!("`read whole PAGE` or `read parts PAGE`, not `read {other}`"),
    };
    let read = start.elapsed();
    std::hint::black_box(bytes.expect("the page"));
    println!("{how} {:.4}", read.as_secs_f64());
}

/// How long the page cache takes to be written the same 128 MiB in writes of different
/// sizes (`write-sizes DIR`, a temporary file in `DIR` for each): what `regen`'s
/// `WRITE_CHUNK` and `ROWS_PER_PART` are chosen by. Every 8 MiB written are handed to the
/// disk as regen hands them (on Linux, as regen does). The sizes alternate, five runs each;
/// printed are each size's times to write and then to sync, in milliseconds. Not part of the
/// comparison; BENCHMARKS.md runs it by hand.
fn write_sizes(dir: &Path) {
    use std::io::Write as _;
    const TOTAL: usize = 128 << 20;
    const SIZES: [usize; 5] = [110_000, 128 << 10, 256 << 10, 1 << 20, 4 << 20];
    // Text as regen writes it: not a page of zeros, which a file system could treat apart.
    let text: Vec<u8> = (0..(4 << 20) + 1).map(|at: usize| b"catalog-gen\n"[at % 12]).collect();
    let mut times = vec![Vec::new(); SIZES.len()];
    for run in 0..5 {
        for index in (0..SIZES.len()).map(|at| (at + run) % SIZES.len()) {
            let mut file = tempfile::NamedTempFile::new_in(dir).expect("a temporary file");
            let start = Instant::now();
            let mut written = 0;
            while written < TOTAL {
                let size = SIZES[index].min(TOTAL - written);
                let from = written % (text.len() - size);
                file.write_all(&text[from..from + size]).expect("the write");
                written += size;
                // Handed to the disk every 8 MiB, as regen's `WriteBehind` does (on Linux).
                #[cfg(target_os = "linux")]
                if written % (8 << 20) < size {
                    let behind = written - written % (8 << 20);
                    let len = std::num::NonZeroU64::new(8 << 20);
                    let advice = rustix::fs::Advice::DontNeed;
                    let _ = rustix::fs::fadvise(
                        file.as_file(),
                        (behind - (8 << 20)) as u64,
                        len,
                        advice,
                    );
                }
            }
            let wrote = start.elapsed();
            file.as_file().sync_all().expect("the sync");
            times[index].push((wrote, start.elapsed() - wrote));
        }
    }
    for (size, times) in SIZES.iter().zip(&mut times) {
        times.sort();
        let shown: Vec<String> = times
            .iter()
            .map(|(wrote, synced)| format!("{}/{}", wrote.as_millis(), synced.as_millis()))
            .collect();
        println!("{size:>8} bytes a write: {}", shown.join(" "));
    }
}

/// What a child reports of itself on stdout, a line each: `peak BYTES`, its peak resident
/// memory, and `system NANOSECONDS`, the CPU time its threads took in the kernel (0 where
/// `/proc` does not say; Linux counts it in ticks of 10 ms on x86 and Arm).
fn print_process_figures() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kilobytes = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    println!("peak {}", kilobytes * 1024);
    // `stat`'s fields after the command's closing parenthesis, from the state (field 3) on:
    // `stime` is field 15, in ticks of `USER_HZ`: 100 a second on x86 and Arm, where this
    // benchmark runs (a figure for the eye, not one the comparison uses).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields = stat.rsplit_once(')').map_or("", |(_, fields)| fields);
    let ticks: u64 = fields.split_whitespace().nth(12).and_then(|t| t.parse().ok()).unwrap_or(0);
    println!("system {}", ticks * 10_000_000);
}

/// A kind of run and how to prepare for it.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Floor,
    WriteOnly,
    New,
    Unchanged,
    OneEdit,
    OneEditRetiring,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Floor,
        Kind::WriteOnly,
        Kind::New,
        Kind::Unchanged,
        Kind::OneEdit,
        Kind::OneEditRetiring,
    ];

    fn label(self) -> &'static str {
        match self {
            Kind::Floor => "floor (bare parse)",
            Kind::WriteOnly => "writes alone (regen's files, synced; timed inside)",
            Kind::New => "regen, new",
            Kind::Unchanged => "regen, unchanged",
            Kind::OneEdit => "regen, one edit",
            Kind::OneEditRetiring => "regen, one edit, a row retired",
        }
    }
}

/// Two docs trees on disk, the same docs but for one row: `plain`, and `retiring`, whose
/// manifest retires the first row, which its page no longer has (its output generated with
/// the row first, so that the row's last text is in the API snapshot).
struct Tree {
    _dir: tempfile::TempDir,
    plain: Docs,
    retiring: Docs,
    bytes: usize,
}

/// A docs tree on disk: the manifest, its page in two versions one cell apart, the output.
struct Docs {
    manifest: PathBuf,
    page: PathBuf,
    versions: [String; 2],
    output: PathBuf,
}

impl Tree {
    fn new(rows: usize, shape: Shape) -> Tree {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let docs = synth::docs_shaped(shape, rows, 1, "../catalog/src/generated", &[]);
        let text = docs.pages[0].1.clone();
        let bytes = text.len();
        let plain = Docs::write(dir.path(), &docs, shape, text.clone());
        let retiring = Docs::write(&dir.path().join("retiring"), &docs, shape, text.clone());
        child("regen", &retiring.manifest);
        // The row after the table's delimiter row.
        let mut lines = text.lines().skip_while(|line| !line.starts_with("| ---"));
        let first_row = lines.nth(1).expect("a row");
        let code = first_row.split('|').nth(1).expect("a code").trim();
        let retire = format!("retired = {{ \"{code}\" = {{ since = \"2026-12-02\" }} }}\n");
        let manifest = std::fs::read_to_string(&retiring.manifest).expect("the manifest");
        std::fs::write(&retiring.manifest, manifest + &retire).expect("the manifest");
        let without = |text: &str| text.replacen(&format!("{first_row}\n"), "", 1);
        let retiring = Docs { versions: retiring.versions.map(|text| without(&text)), ..retiring };
        let [before, after] = &retiring.versions;
        assert!(before.len() < bytes && before != after, "the row retired is not the one edited");
        Tree { plain, retiring, bytes, _dir: dir }
    }

    /// The docs for a run of `kind`.
    fn docs(&self, kind: Kind) -> &Docs {
        if kind == Kind::OneEditRetiring { &self.retiring } else { &self.plain }
    }

    /// Puts the files in the state `kind` starts from; `run` alternates the edited cell.
    fn prepare(&self, kind: Kind, run: usize) {
        self.docs(kind).prepare(kind, run);
    }

    fn run(&self, kind: Kind) -> Run {
        let docs = self.docs(kind);
        match kind {
            Kind::Floor => child("floor", &docs.page),
            Kind::WriteOnly => child("write", &docs.output),
            _ => child("regen", &docs.manifest),
        }
    }
}

impl Docs {
    /// `docs` written into `dir`, its page being `text`, which one edit changes: a few words
    /// of a cell in one of the first rows.
    fn write(dir: &Path, docs: &synth::Docs, shape: Shape, text: String) -> Docs {
        let root = dir.join("docs");
        docs.write_to(&root).expect("the docs written");
        let (from, to) = match shape {
            Shape::MediaConvert => ("truncated properly", "truncated correctly"),
            Shape::Glacier => ("well\\-formed", "well\\-made"),
        };
        let edited = text.replacen(from, to, 1);
        assert_ne!(edited, text, "the edit changes a cell");
        Docs {
            manifest: root.join("catalog.toml"),
            page: root.join(&docs.pages[0].0),
            versions: [text, edited],
            output: dir.join("catalog/src/generated"),
        }
    }

    /// Puts the files in the state `kind` starts from; `run` alternates the edited cell.
    fn prepare(&self, kind: Kind, run: usize) {
        match kind {
            Kind::Floor | Kind::WriteOnly | Kind::Unchanged => {
                std::fs::write(&self.page, &self.versions[0])
            }
            Kind::New => {
                let _ = std::fs::remove_dir_all(&self.output);
                std::fs::write(&self.page, &self.versions[0])
            }
            Kind::OneEdit | Kind::OneEditRetiring => {
                std::fs::write(&self.page, &self.versions[1 - run % 2]).and_then(|()| {
                    // The output must be what the other version generates.
                    child("regen", &self.manifest);
                    std::fs::write(&self.page, &self.versions[run % 2])
                })
            }
        }
        .expect("the docs are written");
        if matches!(kind, Kind::Unchanged | Kind::WriteOnly) {
            child("regen", &self.manifest);
        }
    }
}

/// One run of a child: its time, peak memory and system time.
#[derive(Clone, Copy)]
struct Run {
    /// From spawn to exit, or the time the child reports where it reports one (`write`: its
    /// writes alone).
    time: Duration,
    /// Peak resident memory, in bytes.
    peak: u64,
    /// CPU time in the kernel, the whole process's (for `write`, its reading included).
    system: Duration,
}

/// Runs this binary as `mode path` and reads what it reports of itself.
fn child(mode: &str, path: &Path) -> Run {
    let start = Instant::now();
    let output = Command::new(std::env::current_exe().unwrap())
        .arg(mode)
        .arg(path)
        .output()
        .expect("the benchmark runs itself");
    let elapsed = start.elapsed();
    assert!(output.status.success(), "{mode} failed: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let figure = |name: &str| -> Option<u64> {
        let value = stdout.lines().find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))?;
        Some(value.trim().parse().expect("a figure the child reports is a number"))
    };
    Run {
        time: figure("timed").map_or(elapsed, Duration::from_nanos),
        peak: figure("peak").expect("the child reports its peak memory"),
        system: Duration::from_nanos(figure("system").expect("the child reports its system time")),
    }
}

fn median<T: Copy + Ord>(values: &mut [T]) -> T {
    values.sort_unstable();
    values[values.len() / 2]
}

struct Figures {
    rows: usize,
    bytes: usize,
    /// Per kind: its runs, in the order they ran.
    runs: Vec<Vec<Run>>,
}

impl Figures {
    /// A kind's median of `figure` over its runs.
    fn median<T: Copy + Ord>(&self, kind: usize, figure: impl Fn(&Run) -> T) -> T {
        let mut values: Vec<T> = self.runs[kind].iter().map(figure).collect();
        median(&mut values)
    }

    /// A kind's median time, in seconds.
    fn time(&self, kind: usize) -> f64 {
        self.median(kind, |run| run.time).as_secs_f64()
    }

    /// A kind's quickest time, in seconds.
    fn quickest(&self, kind: usize) -> f64 {
        let times = self.runs[kind].iter().map(|run| run.time);
        times.min().unwrap_or_default().as_secs_f64()
    }
}

fn compare(args: &[String]) {
    let mut sizes: Vec<usize> = args.iter().filter_map(|arg| arg.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = DEFAULT_SIZES.to_vec();
    }
    let runs: usize = std::env::var("FLOOR_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(9);
    let shape = std::env::var("FLOOR_SHAPE").map_or(Shape::default(), |name| {
        Shape::named(&name).unwrap_or_else(|| panic!("FLOOR_SHAPE={name}: {:?}", Shape::NAMED))
    });
    // Seconds; a value that is no duration (negative, not a number) is no pause.
    let pause = std::env::var("FLOOR_PAUSE").ok().and_then(|v| v.parse().ok());
    let pause = pause.and_then(|seconds| Duration::try_from_secs_f64(seconds).ok());
    let pause = pause.unwrap_or(Duration::ZERO);
    let mut all = Vec::new();
    for &rows in &sizes {
        let tree = Tree::new(rows, shape);
        let mut samples: Vec<Vec<Run>> = vec![Vec::new(); Kind::ALL.len()];
        for run in 0..runs {
            for (index, kind) in Kind::ALL.into_iter().enumerate() {
                tree.prepare(kind, run);
                std::thread::sleep(pause);
                samples[index].push(tree.run(kind));
            }
        }
        let figures = Figures { rows, bytes: tree.bytes, runs: samples };
        print!("{}", table(&figures, runs, pause, shape));
        all.push(figures);
    }
    print!("{}", linearity(&all));
}

fn table(figures: &Figures, runs: usize, pause: Duration, shape: Shape) -> String {
    let paused = if pause.is_zero() {
        String::new()
    } else {
        format!(", each after {:.1} s idle", pause.as_secs_f64())
    };
    let mut text = format!(
        "\n{} rows shaped as {shape:?}'s, {:.1} MB of docs, medians of {runs} runs{paused}\n\n\
         | run | time | × floor | quickest × floor's | system time | peak memory | × floor | every run's time |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
        figures.rows,
        figures.bytes as f64 / 1e6
    );
    let floor_time = figures.time(0);
    let floor_quickest = figures.quickest(0);
    let floor_peak = figures.median(0, |run| run.peak) as f64;
    for (index, kind) in Kind::ALL.iter().enumerate() {
        let time = figures.time(index);
        let quickest = figures.quickest(index);
        let peak = figures.median(index, |run| run.peak) as f64;
        let system = figures.median(index, |run| run.system).as_secs_f64();
        let each: Vec<String> = figures.runs[index]
            .iter()
            .map(|run| format!("{:.3}", run.time.as_secs_f64()))
            .collect();
        let _ = writeln!(
            text,
            "| {} | {time:.3} s | {:.2} | {:.2} | {system:.2} s | {:.0} MB | {:.2} | {} |",
            kind.label(),
            time / floor_time,
            quickest / floor_quickest,
            peak / 1e6,
            peak / floor_peak,
            each.join(" "),
        );
    }
    text
}

/// Time at the largest size over time at the smallest, against the ratio of rows.
fn linearity(all: &[Figures]) -> String {
    let (Some(small), Some(large)) = (all.first(), all.last()) else { return String::new() };
    if small.rows == large.rows {
        return String::new();
    }
    let mut text = format!(
        "\nGrowth from {} to {} rows ({:.1}× the rows):\n\n",
        small.rows,
        large.rows,
        large.rows as f64 / small.rows as f64
    );
    for (index, kind) in Kind::ALL.iter().enumerate() {
        let ratio = large.time(index) / small.time(index);
        let _ = writeln!(text, "- {}: {ratio:.1}× the time", kind.label());
    }
    text
}
