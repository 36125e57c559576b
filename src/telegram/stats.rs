//! `/stats` for admins: the last week of the record in a few lines, in the admin's
//! language, read on a blocking thread (its own connection; WAL lets it read while
//! the writer writes).

use crate::record::report::Summary;
use crate::record::{self, Recorder};
use crate::reply::texts::{AdminTexts, fill};

/// How many days `/stats` looks back.
const STATS_DAYS: u32 = 7;

/// How many of the most declined questions `/stats` lists.
const STATS_DECLINED: usize = 5;

/// The admin's `/stats`: the last week in a few lines, read off the answering path.
pub(crate) async fn stats(recorder: &Recorder, t: &AdminTexts) -> String {
    let Some(path) = recorder.path().map(std::path::Path::to_path_buf) else {
        return t.nothing_recorded.to_string();
    };
    let dropped = recorder.dropped();
    let read = tokio::task::spawn_blocking(move || -> anyhow::Result<Summary> {
        let conn = record::open_read(&path)?;
        Ok(record::report::summarize(&conn, record::days_ago(STATS_DAYS))?)
    });
    let error = match read.await {
        Ok(Ok(summary)) => return stats_text(&summary, STATS_DAYS, dropped, t),
        Ok(Err(e)) => format!("{e:#}"),
        Err(e) => e.to_string(),
    };
    fill(t.records_unreadable, &[("error", &error)])
}

/// The last `days` in a few lines: questions by outcome, the most declined ones, and
/// records the writer had to drop.
fn stats_text(summary: &Summary, days: u32, dropped: u64, t: &AdminTexts) -> String {
    let n = |k: &str| summary.by_outcome.get(k).copied().unwrap_or(0);
    let mut text = fill(
        t.stats,
        &[
            ("days", &days),
            ("questions", &summary.questions),
            ("answered", &n("answered")),
            ("clarified", &n("clarified")),
            ("declined", &n("declined")),
            ("smalltalk", &n("smalltalk")),
        ],
    );
    text.push('\n');
    if summary.declined.is_empty() {
        text.push_str(t.nothing_declined);
    } else {
        text.push_str(t.declined_most);
        for group in summary.declined.iter().take(STATS_DECLINED) {
            text.push_str(&format!("\n{}× {}", group.count, group.example));
        }
    }
    if dropped > 0 {
        text.push('\n');
        text.push_str(&fill(t.records_dropped, &[("dropped", &dropped)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::record::report::group_similar;
    use crate::reply::texts::texts;

    fn summary() -> Summary {
        let mut summary = Summary { questions: 3, ..Summary::default() };
        summary.by_outcome.insert("answered".into(), 2);
        summary.by_outcome.insert("declined".into(), 1);
        summary.declined = group_similar(vec![("pizza?".to_string(), None)]);
        summary
    }

    #[test]
    fn stats_fit_in_a_few_lines() {
        assert_eq!(
            stats_text(&summary(), 7, 0, &texts(Lang::En).admin),
            "Last 7 days: 3 questions.\nanswered 2 · clarified 0 · declined 1 · small talk 0\nDeclined most often:\n1× pizza?"
        );
    }

    #[test]
    fn stats_in_russian_with_dropped_records() {
        assert_eq!(
            stats_text(&Summary::default(), 7, 4, &texts(Lang::Ru).admin),
            "За последние 7 дн.: вопросов — 0.\nотвечено 0 · уточнено 0 · отклонено 0 · болтовня 0\n\
             Отклонённых вопросов не было.\n(С запуска бота не записано: 4; запись не успевала.)"
        );
    }
}
