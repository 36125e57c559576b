//! Unit tests of [`super`]: the rules of `analyze.rs`, each with the cases that made it.

use super::*;
use crate::knowledge::Lexicon;
use crate::lang::Localized;

fn lexicon() -> Lexicon {
    Lexicon {
        synonyms: Localized {
            en: vec![vec!["draft".into(), "conscription".into(), "called up".into()]],
            ru: vec![vec!["мобилизация".into(), "призыв".into()]],
        },
        stopwords: Localized {
            en: vec!["the".into(), "up".into(), "is".into(), "in".into()],
            ru: vec!["и".into()],
        },
        entities: Vec::new(),
        known: Vec::new(),
        contrasts: Vec::new(),
    }
}

#[test]
fn synonyms_and_phrases_map_to_one_term() {
    let analyzer = Analyzer::new(&lexicon());
    let a = analyzer.analyze_question("Who is called up in the conscription?");
    assert_eq!(a.terms, ["?who", "~draft"], "question words are marked terms");
    assert_eq!(analyzer.analyze_question("призыв и мобилизация").terms, ["~мобилизац"]);
}

#[test]
fn typos_are_corrected_to_known_words() {
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge("Governor Tsydanov released a statement", true);
    let a = analyzer.analyze_question("tsidanov govenor statment");
    assert_eq!(a.terms, ["tsydanov", "governor", "statement"]);
    assert_eq!(a.corrected.len(), 3);
    assert_eq!(analyzer.analyze_question("tsyd statem").terms, ["tsydanov", "statement"], "clipped");
}

#[test]
fn a_word_only_small_talk_uses_is_read_as_it_is() {
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge("Европа примет беглецов", true);
    analyzer.analyze_knowledge("привет", false);
    assert_eq!(analyzer.analyze_question("привет").terms, ["привет"]);
    assert!(analyzer.analyze_question("привет").corrected.is_empty());
    // Not a typo target either: a near word is still corrected to an entry's word.
    assert_eq!(analyzer.analyze_question("приметт").terms, ["примет"]);
}

#[test]
fn corrections_keep_names_and_the_articles_words() {
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge("Governor Tsydanov said men were fleeing and helping", true);
    // "Helsinki" is a name: not the common word three edits away.
    assert_eq!(analyzer.analyze_question("weather in Helsinki").terms, ["weather", "helsinki"]);
    assert_eq!(analyzer.analyze_question("who is fleming").corrected.len(), 1, "one edit");
    // A capitalised word is a name: a typo of a name the knowledge writes, never of
    // a common word.
    assert!(analyzer.analyze_question("who is Fleming").corrected.is_empty());
    assert_eq!(analyzer.analyze_question("what did Tsidanov say").corrected.len(), 1);
    assert_eq!(analyzer.analyze_question("Fleing men").terms, ["flee", "men"], "a first word may be a typo");
    analyzer.keep_article("Tsydanow is how one reader spells it.");
    assert_eq!(analyzer.analyze_question("tsydanow").terms, ["tsydanow"], "the article's own word");
}

#[test]
fn a_lowercase_name_is_not_read_as_a_word_beyond_reach() {
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge("Men were helping at the Kazakhstan border, said Kazakh police", true);
    // Three edits from "helping", two from "kazakh": names the story never uses.
    assert_eq!(analyzer.analyze_question("weather in helsinki").terms, ["weather", "helsinki"]);
    assert_eq!(analyzer.analyze_question("how far is kazan").terms, ["?how", "far", "kazan"]);
    // A Russian word keeps the edit beyond reach: its ending changes with the case.
    analyzer.analyze_knowledge("Губернатор Цыденов признал ошибки", true);
    assert_eq!(analyzer.analyze_question("цыдэновым").corrected.len(), 1);
    // Among equally close words, the name the knowledge writes with a capital wins.
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge("a kazakhstam, then Kazakhstan", true);
    assert_eq!(analyzer.analyze_question("kazakhstap").terms, ["kazakhstan"]);
}

#[test]
fn question_words_ask_for_a_kind() {
    let analyzer = Analyzer::new(&lexicon());
    assert_eq!(analyzer.analyze_question("how many men").asks, Some(AnswerKind::Number));
    assert_eq!(analyzer.analyze_question("Где сделано фото?").asks, Some(AnswerKind::Place));
    assert_eq!(analyzer.analyze_question("what happened").asks, None);
    assert_eq!(analyzer.analyze_question("what is the number of men who could go").asks, None);
    assert_eq!(analyzer.analyze_question("which countries are visa-free").asks, Some(AnswerKind::Place));
    assert_eq!(analyzer.analyze_question("what is the name of the law").asks, Some(AnswerKind::Name));
    assert_eq!(analyzer.analyze_question("как называется закон").asks, Some(AnswerKind::Name));
    let city = analyzer.analyze_question("В каком городе сняли видео?");
    assert_eq!((city.asks, city.terms.contains(&"?какой".to_string())), (Some(AnswerKind::Place), true));
    assert_eq!(analyzer.analyze_question("Какого числа подписан указ?").asks, Some(AnswerKind::Date));
    assert_eq!(analyzer.analyze_question("who was called up").asks, Some(AnswerKind::Person));
    assert_eq!(analyzer.analyze_question("which analysts doubted it").asks, Some(AnswerKind::Name));
    assert_eq!(analyzer.analyze_question("which agency said so").asks, None, "every answer has a source");
    assert_eq!(analyzer.analyze_question("were veterans called up").asks, None);
}

#[test]
fn precision_is_asked_by_adjectives_and_by_adverbs_with_figures() {
    let analyzer = Analyzer::new(&lexicon());
    assert_eq!(analyzer.analyze_question("the exact salary").precise, Precision::Value);
    assert_eq!(analyzer.analyze_question("точная дата").precise, Precision::Value);
    assert_eq!(analyzer.analyze_question("exactly how many").precise, Precision::Figure);
    assert_eq!(analyzer.analyze_question("how many were drafted").precise, Precision::None);
}

#[test]
fn attribution_and_saying_are_light_terms() {
    let analyzer = Analyzer::new(&lexicon());
    let a = analyzer.analyze_question("who reported the draft, according the source");
    assert_eq!(a.terms, ["?who", "?source", "~draft"]);
    assert_eq!(analyzer.analyze_question("что сказал губернатор").terms, ["?что", "?say", "губернатор"]);
    // "credited to" attributes; "credit" alone is a loan's word.
    assert_eq!(analyzer.analyze_question("who is the draft credited").terms, ["?who", "~draft", "?source"]);
    assert_eq!(analyzer.analyze_question("draft credit").terms, ["~draft", "credit"]);
}

#[test]
fn unknown_names_are_told_from_unknown_words() {
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge("Governor Tsydanov released a statement", true);
    let a = analyzer.analyze_question("What did Peskov say about the apology?");
    assert!(a.names.contains("peskov"), "{:?}", a.names);
    assert!(!a.names.iter().any(|n| n.starts_with("apolog")), "an English word is not a name");
    assert!(analyzer.analyze_question("Что сказал Песков?").names.contains("песк"));
    assert!(analyzer.analyze_question("tsidanov").names.is_empty(), "a typo of a known name");
    let figure = analyzer.analyze_question("does Russia have 25 million reservists?");
    assert!(figure.names.contains("25000000"), "a number the story never uses: {:?}", figure.names);
}

#[test]
fn a_word_known_only_inside_a_phrase_may_still_be_a_name_alone() {
    let mut lexicon = lexicon();
    lexicon.synonyms.en.push(vec!["kazakhstan".into(), "steppe republic".into()]);
    let analyzer = Analyzer::new(&lexicon);
    let phrase = analyzer.analyze_question("Is the line long at the Steppe Republic border?");
    assert!(phrase.terms.contains(&"~kazakhstan".to_string()), "{:?}", phrase.terms);
    assert!(phrase.names.is_empty(), "read as the phrase: {:?}", phrase.names);
    let alone = analyzer.analyze_question("Do Steppe airlines fly there?");
    assert!(!alone.names.is_empty(), "alone, a capitalised word the story never uses: {:?}", alone.names);
}

#[test]
fn chat_spellings_without_vowels_read_as_the_known_word() {
    let mut analyzer = Analyzer::new(&lexicon());
    analyzer.analyze_knowledge(
        "How many men crossed the border, and how much money? The governor filled a form.",
        true,
    );
    analyzer.analyze_knowledge("Flights from Moscow set off.", true);
    let a = analyzer.analyze_question("how mny crossed the brdr, says the gvrnr");
    assert!(["mani", "border", "governor"].iter().all(|t| a.terms.contains(&t.to_string())), "{:?}", a.terms);
    // "frm" could be "form" or "from": a tie is left alone, and a word is no spelling.
    assert_eq!(analyzer.analyze_question("frm").terms, ["frm"]);
    assert_eq!(analyzer.analyze_question("gym").terms, ["gym"]);
    assert_eq!(analyzer.analyze_question("st").terms, ["st"], "an abbreviation");
    // A stop word as close ("from", which the vocabulary leaves out) is a tie too.
    let mut lexicon = lexicon();
    lexicon.stopwords.en.push("from".into());
    let mut analyzer = Analyzer::new(&lexicon);
    analyzer.analyze_knowledge("The form of the order.", true);
    assert_eq!(analyzer.analyze_question("frm").terms, ["frm"]);
}
