//! Questions the bot cannot answer from any article: its own view ("what do you
//! personally think about him?", "ты думаешь, он проиграет?") and a forecast of how a
//! war turns out ("is he gonna lose the war", "when will the war end?"). Answered with
//! the nearest fact, they read as the bot's opinion or forecast; they are told that the
//! bot has neither.

use crate::knowledge::Story;
use crate::matcher::Outcome;

/// The small-talk intent that says the bot holds no views and makes no forecasts.
const NO_VIEWS: &str = "opinion";

/// Words that address the bot as the one who holds a view.
const YOU: [&str; 7] = ["you", "u", "ya", "ты", "вы", "тебя", "вас"];
/// Verbs of holding a view, right after [`YOU`] ("do you *think*", "ты *думаешь*").
const VIEW_VERBS: [&str; 12] = [
    "think",
    "believe",
    "reckon",
    "personally",
    "думаешь",
    "думаете",
    "считаешь",
    "считаете",
    "полагаешь",
    "полагаете",
    "лично",
    "мнение",
];
/// Words between [`YOU`] and its verb ("do you *really* think").
const VIEW_REACH: usize = 2;
/// Words that ask what the article says after all ("what do you think the *article*
/// says?"): a question about it, put politely.
const ABOUT_THE_TEXT: [&str; 12] = [
    "article",
    "story",
    "text",
    "piece",
    "says",
    "say",
    "report",
    "reports",
    "статья",
    "статье",
    "пишут",
    "сказано",
];
/// Words that make a question a forecast in English ("*will* the war end", "is he
/// *gonna* lose"): "who's winning the war?" asks how it stands, which a story may tell.
/// "going" only before "to": "the war has been going on" tells no future.
const FUTURE: [&str; 5] = ["will", "wont", "gonna", "finna", "ll"];
/// A war's outcome in English, after [`FUTURE`] ("will he *lose* the war").
const OUTCOMES: [&str; 4] = ["win", "lose", "end", "over"];
/// A war's outcome in Russian, future by their form ("*проиграет*", "*закончится*").
const OUTCOMES_TO_COME: [&str; 6] =
    ["победит", "проиграет", "выиграет", "закончится", "кончится", "окончится"];
/// The war whose outcome is asked ("war", "войну").
const WAR: [&str; 6] = ["war", "война", "войну", "войны", "войне", "войной"];
/// A question asking the bot's own view or a forecast of a war (`words` as the analyzer
/// splits them) is told the bot has neither: no fact of the story answers it, and the
/// nearest one would read as the bot's opinion. Plainly declined when the knowledge has
/// no such small talk. A known gap's note (`outcome`) stands: it says what the article
/// lacks ("no peace talks are reported").
pub(in crate::matcher) fn view_declined(
    story: &Story,
    words: &[String],
    outcome: &Outcome,
) -> Option<Outcome> {
    if matches!(outcome, Outcome::Gap { .. }) || !asks_a_view_or_forecast(words) {
        return None;
    }
    let intent = story.smalltalk.iter().position(|s| s.id == NO_VIEWS);
    Some(intent.map_or(Outcome::NoMatch, |intent| Outcome::SmallTalk { intent }))
}

/// Whether `words` (lowercase, as the analyzer splits them) ask the bot's own view or a
/// forecast of a war's outcome.
fn asks_a_view_or_forecast(words: &[String]) -> bool {
    asks_the_bots_view(words) || forecasts_the_war(words)
}

/// "what do you personally think about him", "do you believe …", "ты думаешь, …":
/// unless the question is about what the article says.
fn asks_the_bots_view(words: &[String]) -> bool {
    let is = |w: &String, list: &[&str]| list.contains(&w.as_str());
    let view = (0..words.len()).any(|at| {
        is(&words[at], &YOU) && words[at + 1..].iter().take(VIEW_REACH).any(|w| is(w, &VIEW_VERBS))
    });
    view && !words.iter().any(|w| is(w, &ABOUT_THE_TEXT))
}

/// "is he gonna lose the war", "when will the war end?", "кто победит в войне?"; not
/// "who's winning the war?".
fn forecasts_the_war(words: &[String]) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let future = |at: usize| {
        FUTURE.contains(&words[at].as_str())
            || (words[at] == "going" && words.get(at + 1).is_some_and(|w| w == "to"))
    };
    // The outcome after the word that makes it future: "will it end", not "it will, as
    // the war ends".
    let forecast = (0..words.len())
        .find(|&at| future(at))
        .is_some_and(|at| words[at + 1..].iter().any(|w| OUTCOMES.contains(&w.as_str())));
    has(&WAR) && (has(&OUTCOMES_TO_COME) || forecast)
}

#[cfg(test)]
mod tests {
    use super::asks_a_view_or_forecast;

    fn asks(question: &str) -> bool {
        asks_a_view_or_forecast(&crate::matcher::normalize::words(question))
    }

    #[test]
    fn the_bots_view_and_a_forecast_of_the_war_are_told_from_questions_of_fact() {
        assert!(asks("So what do you personally make of Putin?"));
        assert!(asks("do u think the men will come back"));
        assert!(asks("А вы как считаете, мобилизация поможет?"));
        assert!(asks("will russia lose the war this year"));
        assert!(asks("is the war going to be over soon?"));
        assert!(!asks("how long had the war been going on, is it over?"), "no future");
        assert!(asks("Когда закончится война?"));
        assert!(!asks("what do you think the article says about Belarus?"), "asks the article");
        assert!(!asks("will draftees lose their jobs?"), "no war");
        assert!(!asks("who is winning the war right now?"), "how it stands, no forecast");
        assert!(!asks("what did the white house say about the war?"), "no outcome");
        assert!(!asks("can you tell me who took the photo?"), "no view");
    }
}
