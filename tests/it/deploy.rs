//! The deployment example in `docs/`: the systemd unit is one `systemd-analyze verify`
//! accepts, and it keeps the sandbox the README promises. Where systemd-analyze is not
//! installed, the verify step is skipped with a note.

use std::process::Command;

const UNIT: &str = "docs/storybot.service";
/// Where the unit expects the binary; the verified copy points at the one just built,
/// since `verify` checks that the command exists.
const INSTALLED: &str = "/usr/local/bin/storybot";

#[test]
fn the_systemd_unit_restarts_reads_an_env_file_and_is_sandboxed() {
    let unit = std::fs::read_to_string(UNIT).unwrap();
    let lines: Vec<&str> = unit.lines().map(str::trim).collect();
    for setting in [
        "ExecStart=/usr/local/bin/storybot run",
        "Restart=on-failure",
        "EnvironmentFile=/etc/storybot/storybot.env",
        "DynamicUser=yes",
        "StateDirectory=storybot",
        "Environment=STORYBOT_DATA=%S/storybot/storybot.sqlite3",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "CapabilityBoundingSet=",
    ] {
        assert!(lines.contains(&setting), "{UNIT} lacks {setting}");
    }
}

#[test]
fn the_systemd_unit_passes_systemd_analyze_verify() {
    let Ok(version) = Command::new("systemd-analyze").arg("--version").output() else {
        eprintln!("note: systemd-analyze is not installed; {UNIT} was not verified");
        return;
    };
    assert!(version.status.success());
    let dir = tempfile::tempdir().unwrap();
    let unit = std::fs::read_to_string(UNIT).unwrap().replace(INSTALLED, env!("CARGO_BIN_EXE_storybot"));
    let path = dir.path().join("storybot.service");
    std::fs::write(&path, unit).unwrap();
    let out = Command::new("systemd-analyze").arg("verify").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.trim().is_empty(), "systemd-analyze verify {UNIT}:\n{stderr}");
}
