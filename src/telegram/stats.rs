//! `/stats` for admins: the last week of the record in a few lines, read on a blocking
//! thread (its own connection; WAL lets it read while the writer writes).

use crate::record::{self, Recorder};

/// How many days `/stats` looks back.
const STATS_DAYS: u32 = 7;

/// The admin's `/stats`: the last week in a few lines, read off the answering path.
pub(crate) async fn stats(recorder: &Recorder) -> String {
    let Some(path) = recorder.path().map(std::path::Path::to_path_buf) else {
        return "Nothing is recorded: no records database is open (see STORYBOT_DATA in the log).".into();
    };
    let dropped = recorder.dropped();
    let read = tokio::task::spawn_blocking(move || -> anyhow::Result<record::report::Summary> {
        let conn = record::open_read(&path)?;
        Ok(record::report::summarize(&conn, record::days_ago(STATS_DAYS))?)
    });
    match read.await {
        Ok(Ok(summary)) => record::report::stats_text(&summary, STATS_DAYS, dropped),
        Ok(Err(e)) => format!("Could not read the records: {e:#}"),
        Err(e) => format!("Could not read the records: {e}"),
    }
}
