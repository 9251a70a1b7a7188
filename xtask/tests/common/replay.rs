//! A docs page's history replayed through regen (`catalog_gen::regen`, what `cargo xtask regen
//! --changelog` runs), a revision at a time, as a team that regenerates after every docs update
//! would: where the break gate refuses, the pins, retirements and accessor pins its helps give
//! (and the `skip-rows` lines that leave out rows that stand for no code) are pasted into the
//! manifest and regen runs again (and where no help gives one, the run is
//! repeated with `--allow-breaking`, as a team that accepts the break would). No run may panic,
//! every success must leave the files up to date (`--check`), and no help may come back after
//! its paste. Shared by `replay_history.rs` (git histories) and `random_histories.rs` (made ones).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use catalog_gen::Diagnostic;
use catalog_gen::api::{CatalogApi, SNAPSHOT_FILE};
use catalog_gen::changelog::Changelog;
use catalog_gen::model::problems::RUSTC_LINTS_WARNED_OF;
use catalog_gen::regen::{self, Error, Mode, Options};

use super::cargo_clippy_allowing;

/// How often one revision may be regenerated with more pasted before the replay calls it a
/// loop.
pub const ATTEMPTS: usize = 8;

/// What a replay did with a history's revisions.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Revisions that generated (some after pastes or with `--allow-breaking`).
    pub generated: usize,
    /// Revisions refused with errors no help could mend (a table gone, a duplicate code),
    /// each with its first error's first line.
    pub refused: Vec<String>,
    /// Revisions generated only with `--allow-breaking`, each with the first break's first
    /// line.
    pub allowed_breaks: Vec<String>,
    /// Every line pasted into the manifest, in order.
    pub pasted: Vec<String>,
}

/// The tables of pins a help can give.
pub const PINS: [&str; 3] = ["variants", "accessors", "retired"];

/// The manifest of a replay: `[[table]]`s of `p.md`, each with its own lines and what was
/// pasted into its tables of pins ([`PINS`]).
struct Manifest {
    tables: Vec<Table>,
}

/// The keys of a `[[table]]`'s tables of pins, by table.
type PinKeys = BTreeMap<&'static str, std::collections::BTreeSet<String>>;

/// One `[[table]]` of the manifest.
struct Table {
    lines: String,
    pins: BTreeMap<&'static str, BTreeMap<String, toml::Value>>,
    /// Its `skip-rows`, as pasted: the rows left out.
    skip_rows: Vec<String>,
}

/// The table whose `[[table]]` holds the byte `offset` of the manifest's `text`.
fn table_at(text: &str, offset: usize) -> usize {
    let starts = text.match_indices("[[table]]").map(|(at, _)| at);
    starts.filter(|&at| at <= offset).count().saturating_sub(1)
}

/// The enum of the `index`-th of `tables` tables: `E` where there is one.
pub fn enum_name(index: usize, tables: usize) -> String {
    if tables == 1 { "E".to_owned() } else { format!("E{index}") }
}

impl Manifest {
    fn text(&self) -> String {
        let mut text = "output = \"../catalog/src/generated\"\n".to_owned();
        for (index, table) in self.tables.iter().enumerate() {
            text.push_str(&format!(
                "\n[[table]]\npage = \"p.md\"\nurl = \"https://example.com/p.html\"\n\
                 module = \"m\"\nenum = \"{}\"\n{}\n",
                enum_name(index, self.tables.len()),
                table.lines.trim_end()
            ));
            text.push_str(&table.pins_text());
        }
        text
    }

    /// The table whose lines pick the table under `heading`.
    fn table_under(&self, heading: &str) -> Option<usize> {
        let line = format!("heading = {}", toml::Value::String(heading.to_owned()));
        self.tables.iter().position(|table| table.lines.lines().any(|l| l == line))
    }
}

impl Table {
    fn pins_text(&self) -> String {
        let mut text = String::new();
        if !self.skip_rows.is_empty() {
            let entries = toml::Value::Array(
                self.skip_rows.iter().map(|entry| toml::Value::String(entry.clone())).collect(),
            );
            text.push_str(&format!("skip-rows = {entries}\n"));
        }
        for (name, pins) in &self.pins {
            let quoted = |key: &str| toml::Value::String(key.to_owned()).to_string();
            let pins: Vec<String> =
                pins.iter().map(|(key, value)| format!("{} = {value}", quoted(key))).collect();
            if !pins.is_empty() {
                text.push_str(&format!("{name} = {{ {} }}\n", pins.join(", ")));
            }
        }
        text
    }

    /// Takes `key` out of the table of pins `name`, recording it in `pasted`; whether it was
    /// there.
    fn remove(&mut self, name: &'static str, key: &str, pasted: &mut Vec<String>) -> bool {
        let removed = self.pins(name).remove(key).is_some();
        if removed {
            pasted.push(format!("{name}: {key} removed"));
        }
        removed
    }

    /// The keys of each of its tables of pins.
    fn pin_keys(&self) -> PinKeys {
        let keys = |pins: &BTreeMap<String, toml::Value>| pins.keys().cloned().collect();
        self.pins.iter().map(|(name, pins)| (*name, keys(pins))).collect()
    }

    fn pins(&mut self, name: &'static str) -> &mut BTreeMap<String, toml::Value> {
        self.pins.entry(name).or_default()
    }

    /// Pastes what the help of `error` gives, or takes out what it asks to remove; whether
    /// anything changed.
    fn paste(&mut self, error: &str, had: &PinKeys, pasted: &mut Vec<String>) -> bool {
        let mut changed = false;
        for name in ["retired", "variants"] {
            if let Some(key) = to_remove(error, name) {
                changed |= self.remove(name, &key, pasted);
            }
        }
        // A row left out that the page no longer has; a row the help would leave out.
        if let Some(entry) = to_remove(error, "skip-rows") {
            let before = self.skip_rows.len();
            self.skip_rows.retain(|kept| *kept != entry);
            if self.skip_rows.len() < before {
                pasted.push(format!("skip-rows: {entry} removed"));
                changed = true;
            }
        }
        let skip_line = between(error, "`skip-rows = [", "]`");
        let skipped =
            skip_line.and_then(|line| toml::from_str::<toml::Table>(&format!("s = [{line}]")).ok());
        let entries =
            skipped.as_ref().and_then(|table| table["s"].as_array()).into_iter().flatten();
        for entry in entries.filter_map(toml::Value::as_str) {
            if !self.skip_rows.iter().any(|kept| kept == entry) {
                self.skip_rows.push(entry.to_owned());
                pasted.push(format!("skip-rows: {entry}"));
                changed = true;
            }
        }
        // An accessor pin for a column that is gone, whose method a column makes without it.
        if error.contains("without a pin: remove this one")
            && let Some(header) = between(error, "`accessors` names the column `", "`")
        {
            changed |= self.remove("accessors", header, pasted);
        }
        // A retirement in place of an ambiguous pin: the note names the pinned variant.
        if error.contains("in place of this pin")
            && let Some(variant) = between(error, "the API snapshot has `", "` for the row")
        {
            let pinned = toml::Value::String(variant.to_owned());
            self.pins("variants").retain(|_, name| *name != pinned);
        }
        for snippet in snippets(error) {
            // A name left to choose: one of rustc's case for its kind.
            let chosen = format!("Pinned{}", pasted.len() + 1);
            let chosen =
                if snippet.starts_with("accessors") { chosen.to_lowercase() } else { chosen };
            let snippet = snippet.replace("\"...\"", &format!("\"{chosen}\""));
            let Ok(table) = toml::from_str::<toml::Table>(&snippet) else { continue };
            for (name, pins) in table {
                let (Some(name), Some(pins)) =
                    (PINS.into_iter().find(|n| *n == name), pins.as_table())
                else {
                    continue;
                };
                // A line beside the `[[table]]`'s own line of the same table would be a TOML
                // duplicate key, as a user pasting it would find: a help gives it in place of
                // the table's own, or says that its entry goes in the same table. Where the
                // table had no such line when the helps were made, another help of this run
                // may have given it: the same line again (its keys pasted already) is pasted
                // once, as a user would, and another line is a second line of the table.
                let replaces = error.contains(&format!("in place of this [[table]]'s `{name}`"));
                let joins = error.contains(&format!("go in the same `{name}` table"));
                let had_line = had.get(name).is_some_and(|keys| !keys.is_empty());
                let adds = pins.iter().any(|(key, value)| self.pins(name).get(key) != Some(value));
                let pasted_already = pins.keys().all(|key| self.pins(name).contains_key(key));
                if !(replaces || joins || had_line) && pasted_already {
                    continue;
                }
                assert!(
                    replaces || joins || !adds || self.pins(name).is_empty(),
                    "a `{name}` line to paste beside the [[table]]'s own:\n{error}\n{}",
                    self.pins_text()
                );
                // A line to paste in place of the table's own: what it leaves out goes.
                if replaces {
                    let gone: Vec<String> = self
                        .pins(name)
                        .keys()
                        .filter(|key| !pins.contains_key(*key))
                        .cloned()
                        .collect();
                    for key in gone {
                        changed |= self.remove(name, &key, pasted);
                    }
                }
                for (key, value) in pins {
                    if self.pins(name).get(key) != Some(value) {
                        self.pins(name).insert(key.clone(), value.clone());
                        pasted.push(format!("{name}: {key}"));
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}

/// The key of the manifest's table of pins `name` that a diagnostic's help asks to remove (a
/// `retired` key the page documents again, the second pin of a row in `variants`).
fn to_remove(said: &str, name: &str) -> Option<String> {
    let key = between(said, "remove `", &format!("` from this [[table]]'s `{name}`"))?;
    // A TOML string: read as the value of a document's key (a document is not a value).
    let document = toml::from_str::<toml::Table>(&format!("key = {key}")).ok()?;
    document.get("key")?.as_str().map(str::to_owned)
}

/// The text between the first `start` in `text` and the next `end` after it.
fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let from = text.find(start)? + start.len();
    Some(&text[from..from + text[from..].find(end)?])
}

/// The TOML a help shows to paste (`` `variants = { "1" = "One" }` ``), but for those that
/// leave a part to choose other than the name (`<that row's code>`, `<new header>`).
fn snippets(help: &str) -> Vec<String> {
    let mut found = Vec::new();
    for table in PINS {
        let opening = format!("`{table} = {{ ");
        let mut rest = help;
        while let Some(start) = rest.find(&opening) {
            let snippet = &rest[start + 1..];
            let Some(end) = snippet.find(" }`") else { break };
            let snippet = &snippet[..end + 2];
            if !snippet.contains('<') {
                found.push(snippet.to_owned());
            }
            rest = &rest[start + 1 + end..];
        }
    }
    found
}

/// What an error says, its notes and its help, where a paste and its key are read from.
fn said(error: &Diagnostic) -> String {
    let mut text = error.message.clone();
    for note in error.notes.iter().chain(&error.help) {
        text.push('\n');
        text.push_str(note);
    }
    text
}

/// Regenerates from `manifest` and adds what changed to `changelog`, as `cargo xtask regen
/// --changelog` does: the warnings, or where refused, the errors. Any other failure fails the
/// test.
fn regen_into(
    manifest: &Path,
    changelog: &Path,
    allow_breaking: bool,
) -> Result<(Vec<Diagnostic>, Changelog), Vec<Diagnostic>> {
    let options = Options { allow_breaking, ..Options::default() };
    match regen::regen(manifest, &options) {
        Ok(report) => {
            if !report.changelog.is_empty() {
                regen::add_to_changelog(changelog, &report.changelog, None).unwrap();
            }
            let check = Options { mode: Mode::Check, ..Options::default() };
            let checked = regen::regen(manifest, &check).unwrap();
            assert!(checked.is_up_to_date(), "stale right after regen:\n{}", checked.diff);
            Ok((report.warnings.diagnostics, report.changelog))
        }
        Err(Error::Problems(failure)) => {
            Err(failure.diagnostics.into_iter().filter(Diagnostic::is_error).collect())
        }
        Err(other) => panic!("regen failed as no refusal does: {other:?}"),
    }
}

/// `cargo xtask init catalog` in `tree`, for the docs tree's manifest: the crate users would
/// depend on.
fn init(tree: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["init", "catalog", "--manifest", "docs/catalog.toml"])
        .current_dir(tree)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// How a revision went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It generated; `allowed_break` where only with `--allow-breaking`.
    Generated { allowed_break: bool },
    /// Refused with errors no help could mend.
    Refused,
}

/// A docs tree in a sandbox whose page is replaced a revision at a time ([`Replay::revision`]).
pub struct Replay {
    sandbox: PathBuf,
    manifest_path: PathBuf,
    page: PathBuf,
    changelog: PathBuf,
    manifest: Manifest,
    /// What the replay did so far.
    pub replayed: Replayed,
    last_generated: Option<Vec<u8>>,
    /// What the last revision that generated changed for users.
    pub last_changelog: Changelog,
}

impl Replay {
    /// A docs tree in `sandbox` whose manifest has one `[[table]]` of `p.md` with the lines
    /// `table` (its key, name and options).
    pub fn new(sandbox: &Path, table: &str) -> Self {
        Replay::of_tables(sandbox, &[table.to_owned()])
    }

    /// A docs tree in `sandbox` whose manifest has a `[[table]]` of `p.md` for each of
    /// `tables`, with its lines (a `heading` that picks it, its key, name and options), in
    /// one module, their enums named by [`enum_name`].
    pub fn of_tables(sandbox: &Path, tables: &[String]) -> Self {
        let docs = sandbox.join("docs");
        fs::create_dir_all(&docs).unwrap();
        let tables = tables.iter().map(|lines| Table {
            lines: lines.clone(),
            pins: BTreeMap::new(),
            skip_rows: Vec::new(),
        });
        Replay {
            sandbox: sandbox.to_owned(),
            manifest_path: docs.join("catalog.toml"),
            page: docs.join("p.md"),
            changelog: sandbox.join("CHANGELOG.md"),
            manifest: Manifest { tables: tables.collect() },
            replayed: Replayed::default(),
            last_generated: None,
            last_changelog: Changelog::default(),
        }
    }

    /// The table a diagnostic is about: the `[[table]]` of the manifest it points into
    /// (`manifest`, the text it was given), or the one that picks the table under the heading
    /// before the place on the page it points at (`page`); the first where it says neither.
    fn table_of(&self, diagnostic: &Diagnostic, (manifest, page): (&str, &str)) -> usize {
        let Some(label) = diagnostic.labels.first() else { return 0 };
        if label.path.ends_with("catalog.toml") {
            return table_at(manifest, label.span.start);
        }
        let before = page.get(..label.span.start).unwrap_or(page);
        let heading = before.lines().filter_map(|line| line.strip_prefix("## ")).next_back();
        heading.and_then(|heading| self.manifest.table_under(heading.trim())).unwrap_or(0)
    }

    /// Gives each `[[table]]` the lines of `tables` in place of its own (its key, name and
    /// options, as [`Replay::of_tables`] took them), keeping what was pasted into it: the
    /// manifest edited between docs updates.
    pub fn reread(&mut self, tables: &[String]) {
        assert_eq!(tables.len(), self.manifest.tables.len(), "a manifest of other tables");
        for (table, lines) in self.manifest.tables.iter_mut().zip(tables) {
            table.lines.clone_from(lines);
        }
    }

    /// Regenerates with `text` as the page (`label` names the revision in the record), pasting
    /// what the helps give until it generates, repeating it with `--allow-breaking` where only
    /// breaks without a help are left. Fails the test where a help comes back after its paste.
    pub fn revision(&mut self, label: &str, text: &[u8]) -> Outcome {
        fs::write(&self.page, text).unwrap();
        let mut allow_breaking = false;
        let mut allowed = None;
        for _ in 0..ATTEMPTS {
            fs::write(&self.manifest_path, self.manifest.text()).unwrap();
            let warnings = match regen_into(&self.manifest_path, &self.changelog, allow_breaking) {
                Ok((warnings, changelog)) => {
                    self.last_changelog = changelog;
                    warnings
                }
                Err(errors) => {
                    if std::env::var_os("REPLAY_VERBOSE").is_some() {
                        let said: Vec<String> = errors.iter().map(said).collect();
                        eprintln!("{label}:\n{}\n", said.join("\n"));
                    }
                    if self.paste_all(&errors, text) {
                        continue;
                    }
                    let breaking =
                        |error: &Diagnostic| error.message.starts_with("breaking change");
                    if !allow_breaking && errors.iter().all(breaking) {
                        allow_breaking = true;
                        allowed = errors.first().map(|error| error.message.clone());
                        continue;
                    }
                    let first = errors.first().map_or("", |error| error.message.as_str());
                    self.replayed.refused.push(format!("{label}: {first}"));
                    return Outcome::Refused;
                }
            };
            self.remove_documented_again(&warnings, text);
            self.replayed.generated += 1;
            if let Some(first) = allowed.take() {
                self.replayed.allowed_breaks.push(format!("{label}: {first}"));
            }
            self.last_generated = Some(text.to_owned());
            return Outcome::Generated { allowed_break: allow_breaking };
        }
        panic!("{label}: the helps came back after every paste: {:#?}", self.replayed);
    }

    /// Pastes what the helps of `errors` give into the table each is about ([`Table::paste`]),
    /// `page` being the page's text; whether anything changed.
    fn paste_all(&mut self, errors: &[Diagnostic], page: &[u8]) -> bool {
        let (manifest, page) = (self.manifest.text(), String::from_utf8_lossy(page));
        // Each table's keys of pins as the helps saw them.
        let had: Vec<PinKeys> = self.manifest.tables.iter().map(Table::pin_keys).collect();
        let mut changed = false;
        for error in errors {
            let table = self.table_of(error, (&manifest, &page));
            let pasted = &mut self.replayed.pasted;
            changed |= self.manifest.tables[table].paste(&said(error), &had[table], pasted);
        }
        changed
    }

    /// Takes out the retired keys the page documents again, as their `warnings` ask: a team
    /// that reads its warnings does (left, such a key retires the row again, by its old code,
    /// once the page gives the row another). The page's row being the one used, the files
    /// stay up to date without them.
    fn remove_documented_again(&mut self, warnings: &[Diagnostic], page: &[u8]) {
        let (manifest, page) = (self.manifest.text(), String::from_utf8_lossy(page));
        let mut removed = false;
        for warning in warnings {
            let Some(key) = to_remove(&said(warning), "retired") else { continue };
            let table = self.table_of(warning, (&manifest, &page));
            let table = &mut self.manifest.tables[table];
            removed |= table.remove("retired", &key, &mut self.replayed.pasted);
        }
        if !removed {
            return;
        }
        fs::write(&self.manifest_path, self.manifest.text()).unwrap();
        let check = Options { mode: Mode::Check, ..Options::default() };
        let checked = regen::regen(&self.manifest_path, &check).unwrap();
        assert!(checked.is_up_to_date(), "a retired key documented again made a difference");
    }

    /// The API snapshot the last regen that generated left.
    pub fn snapshot(&self) -> CatalogApi {
        let path = self.sandbox.join("catalog/src/generated").join(SNAPSHOT_FILE);
        CatalogApi::from_snapshot(&fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The generated module `module`'s text, where there is one.
    pub fn module_text(&self, module: &str) -> Option<String> {
        let path = self.sandbox.join("catalog/src/generated").join(format!("{module}.rs"));
        fs::read_to_string(path).ok()
    }

    /// The variant names the manifest pins in its `table`-th `[[table]]`.
    pub fn pinned_names(&self, table: usize) -> std::collections::BTreeSet<String> {
        let pins = self.manifest.tables[table].pins.get("variants");
        let pins = pins.into_iter().flat_map(|pins| pins.values());
        pins.filter_map(|name| name.as_str().map(str::to_owned)).collect()
    }

    /// Whether the manifest retires a row.
    pub fn retires_any(&self) -> bool {
        let retired = self.manifest.tables.iter().filter_map(|table| table.pins.get("retired"));
        retired.into_iter().any(|retired| !retired.is_empty())
    }

    /// The manifest's text, with what was pasted into it.
    pub fn manifest_text(&self) -> String {
        self.manifest.text()
    }

    /// The changelog file's text.
    pub fn changelog(&self) -> String {
        fs::read_to_string(&self.changelog).unwrap()
    }

    /// Builds and lints the crate of the last revision that generated, with the manifest as
    /// it is now: pins pasted at a revision that was then refused for another reason may name
    /// rows that catalog does not have, and then it no longer generates (said, not failed).
    pub fn build_last(&self) {
        let Some(text) = &self.last_generated else { return };
        fs::write(&self.page, text).unwrap();
        fs::write(&self.manifest_path, self.manifest.text()).unwrap();
        match regen_into(&self.manifest_path, &self.changelog, false) {
            Ok(_) => {
                init(&self.sandbox);
                let crate_manifest = self.sandbox.join("catalog/Cargo.toml");
                let lints = &RUSTC_LINTS_WARNED_OF;
                cargo_clippy_allowing(&crate_manifest, "replay", &["--all-targets"], lints);
            }
            Err(errors) => eprintln!("the last catalog no longer generates: {errors:#?}"),
        }
    }
}
