//! A temporary working folder and a way to run claimtrack in it that shows
//! the command, stdout and stderr when an expectation fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder with its own store (`store.db`).
pub struct Dir {
    root: tempfile::TempDir,
}

/// What one run of the binary did.
pub struct Run {
    pub cmd: String,
    pub out: Output,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }

    /// Assert the exit code, printing everything on failure.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            code,
            "\ncommand: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.cmd,
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Parse stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.out.stdout).unwrap_or_else(|e| {
            panic!("{}: stdout is not JSON ({e}):\n{}", self.cmd, self.stdout())
        })
    }
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            root: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    pub fn db(&self) -> PathBuf {
        self.path().join("store.db")
    }

    /// Write a file (creating folders) and return its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Copy the project's seed articles (with sidecars) into `name/`.
    pub fn seeds(&self, name: &str) -> PathBuf {
        let dest = self.path().join(name);
        std::fs::create_dir_all(&dest).unwrap();
        for entry in std::fs::read_dir(seed_dir()).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dest.join(entry.file_name())).unwrap();
        }
        dest
    }

    /// Run claimtrack with `args` against this folder's store.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_stdin(args, None)
    }

    /// Run claimtrack, feeding `stdin` if given.
    pub fn run_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimtrack"));
        cmd.current_dir(self.path())
            .env_remove("CLAIMTRACK_DB")
            .arg("--db")
            .arg(self.db())
            .args(args);
        let shown = format!("claimtrack --db {} {}", self.db().display(), args.join(" "));
        let out = match stdin {
            None => cmd.output().unwrap(),
            Some(bytes) => {
                use std::io::Write;
                use std::process::Stdio;
                let mut child = cmd
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                // The binary may refuse the input and exit before reading
                // all of it: a broken pipe here is its answer, not a failure
                // of the test (its exit code and output say what happened).
                if let Err(e) = child.stdin.take().unwrap().write_all(bytes) {
                    assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
                }
                child.wait_with_output().unwrap()
            }
        };
        Run { cmd: shown, out }
    }
}

/// The project's `seeds/` folder.
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The text of one seed article by its number prefix ("004").
/// The paragraph (line) of seed `prefix` that contains `needle`, unaltered.
pub fn para(prefix: &str, needle: &str) -> String {
    seed_text(prefix)
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no {needle:?} in seed {prefix}"))
        .trim()
        .to_string()
}

pub fn seed_text(prefix: &str) -> String {
    for entry in std::fs::read_dir(seed_dir()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".txt") {
            return std::fs::read_to_string(p).unwrap();
        }
    }
    panic!("no seed {prefix}");
}
