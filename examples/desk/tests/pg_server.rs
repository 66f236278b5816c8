//! A throwaway PostgreSQL cluster for the tests: `initdb` and `pg_ctl` of the installed
//! PostgreSQL, in a temporary folder, listening only on a unix socket in that folder. The
//! first test that asks starts it; a watchdog process stops it (`pg_ctl stop -m immediate`)
//! and removes the folder when the test process has ended. Each test gets a new empty
//! database of its own ([`database`]).
//!
//! PostgreSQL refuses to run as root: a test process running as root (as CI does) runs the
//! server as the `postgres` system user, through `runuser -u postgres --`.
//!
//! The binaries are found in `DESK_PG_BIN` (a folder), else the newest
//! `/usr/lib/postgresql/<version>/bin`, else `pg_config --bindir`, else `PATH`. Without them
//! the PostgreSQL tests say plainly, once, that they were skipped and why, and pass; with
//! `CI=true` they fail instead, since CI must run them.
//!
//! Shared by the integration tests (`tests/main.rs`) and the store's unit tests
//! (`src/store/mod.rs`, through `#[path]`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    dead_code,
    missing_docs
)]

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// A running cluster.
#[derive(Debug)]
pub struct Cluster {
    /// The folder holding the data, the log and the socket.
    pub dir: PathBuf,
    /// The folder of `initdb`, `pg_ctl` and `postgres`.
    pub bin: PathBuf,
}

impl Cluster {
    /// The URL of database `name` on the cluster's socket.
    pub fn url(&self, name: &str) -> String {
        let socket = self.dir.to_string_lossy().replace('/', "%2F");
        format!("postgres://postgres@{socket}/{name}")
    }
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static SKIPPED: OnceLock<()> = OnceLock::new();
static DATABASES: AtomicU32 = AtomicU32::new(0);

/// Whether this is CI, where the PostgreSQL tests must run.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true")
}

/// The running cluster, started on first use; `None` (after saying why, once) when
/// PostgreSQL is not installed here. Panics in CI instead.
pub fn cluster() -> Option<&'static Cluster> {
    match CLUSTER.get_or_init(start) {
        Ok(cluster) => Some(cluster),
        Err(why) if in_ci() => panic!("CI=true and the PostgreSQL tests cannot run: {why}"),
        Err(why) => {
            SKIPPED.get_or_init(|| {
                // Straight to the terminal: the test harness captures `eprintln!` of
                // tests that pass.
                let _ = writeln!(
                    std::io::stderr(),
                    "\nSKIPPED: the PostgreSQL tests of the desk did not run: {why}.\n\
                     Install PostgreSQL (Debian: apt-get install postgresql-15) or set \
                     DESK_PG_BIN to the folder of its initdb and pg_ctl; CI (CI=true) fails \
                     without it.\n"
                );
            });
            None
        }
    }
}

/// A new, empty database on the cluster for one test (named after it), as a
/// `postgres://` URL; `None` when PostgreSQL is not installed (see [`cluster`]).
pub fn database(test: &str) -> Option<String> {
    let cluster = cluster()?;
    let n = DATABASES.fetch_add(1, Ordering::Relaxed);
    let name: String = test
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let name = format!("{name}_{n}");
    let mut client = postgres::Client::connect(&cluster.url("postgres"), postgres::NoTls)
        .unwrap_or_else(|error| panic!("connecting to the test cluster: {error}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap_or_else(|error| panic!("creating database {name}: {error}"));
    Some(cluster.url(&name))
}

/// Runs one SQL statement on database `url` and returns every row's columns as text
/// (integers in decimal, nulls as `NULL`).
pub fn rows(url: &str, sql: &str) -> Vec<Vec<String>> {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut rows = Vec::new();
    for message in client.simple_query(sql).unwrap() {
        if let postgres::SimpleQueryMessage::Row(row) = message {
            rows.push(
                (0..row.len())
                    .map(|i| row.get(i).unwrap_or("NULL").to_owned())
                    .collect(),
            );
        }
    }
    rows
}

/// Whether this process runs as root (then the server runs as `postgres`).
fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
}

/// The folder of the PostgreSQL server's programs.
fn binaries() -> Result<PathBuf, String> {
    let has_initdb = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = std::env::var_os("DESK_PG_BIN") {
        let dir = PathBuf::from(dir);
        return if has_initdb(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "DESK_PG_BIN={} has no initdb and pg_ctl",
                dir.display()
            ))
        };
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            has_initdb(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if output.status.success() && has_initdb(&dir) {
            return Ok(dir);
        }
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .find(|dir| has_initdb(dir))
        .ok_or_else(|| {
            "no initdb and pg_ctl in /usr/lib/postgresql/*/bin, pg_config --bindir or PATH"
                .to_owned()
        })
}

/// A command running `program` as the server's user: itself, or `postgres` for root.
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) -> Result<(), String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("{what}: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Starts a new cluster in a new temporary folder, and its watchdog.
fn start() -> Result<Cluster, String> {
    let bin = binaries()?;
    let dir = std::env::temp_dir().join(format!("desk-pg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .map_err(|error| format!("creating {}: {error}", dir.display()))?;
    if is_root() {
        let mut chown = Command::new("chown");
        chown.args(["postgres:postgres"]).arg(&dir);
        run(
            chown,
            "giving the cluster's folder to the postgres user (is PostgreSQL installed?)",
        )?;
    }
    let data = dir.join("data");
    let mut initdb = as_server_user(&bin.join("initdb"));
    initdb.arg("-D").arg(&data).args([
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    ]);
    run(initdb, "initdb")?;
    // The watchdog first, so the cluster is stopped even if this process dies while it starts.
    let pg_ctl = bin.join("pg_ctl");
    let stop = if is_root() {
        format!(
            "runuser -u postgres -- '{}' -D '{}' -m immediate stop",
            pg_ctl.display(),
            data.display()
        )
    } else {
        format!(
            "'{}' -D '{}' -m immediate stop",
            pg_ctl.display(),
            data.display()
        )
    };
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "while kill -0 {} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{}'",
            std::process::id(),
            dir.display()
        ))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("starting the watchdog: {error}"))?;
    let mut start = as_server_user(&pg_ctl);
    start
        .arg("-D")
        .arg(&data)
        .arg("-l")
        .arg(dir.join("log"))
        .args(["-w", "-s", "-o"])
        .arg(format!(
            "-k {} -c listen_addresses='' -c fsync=off -c full_page_writes=off \
             -c max_connections=60 -c shared_buffers=64MB",
            dir.display()
        ))
        .arg("start");
    run(start, "pg_ctl start")?;
    Ok(Cluster { dir, bin })
}
