//! A message that asks only why ("why not?", "а почему?", "how come?"), of nothing of
//! its own: after a decline, it asks why the article doesn't say.

use super::super::normalize;

/// Words of a message that asks only why: "why not?", "а почему?", "how come?".
const WHY_ONLY: [&str; 12] =
    ["why", "not", "how", "come", "so", "and", "but", "почему", "зачем", "нет", "а", "и"];
/// The words of [`WHY_ONLY`] that ask why.
const WHY: [&str; 4] = ["why", "come", "почему", "зачем"];

/// Whether `question` asks only why, of nothing of its own: after a decline, why the
/// article doesn't say.
pub fn asks_only_why(question: &str) -> bool {
    let words = normalize::words(question);
    words.iter().any(|w| WHY.contains(&w.as_str())) && words.iter().all(|w| WHY_ONLY.contains(&w.as_str()))
}
