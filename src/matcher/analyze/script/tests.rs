//! Unit tests of [`super`]: words typed in the other script or layout, and words kept.

use crate::knowledge::Lexicon;
use crate::lang::Localized;
use crate::matcher::analyze::Analyzer;

fn analyzer() -> Analyzer {
    let lexicon = Lexicon {
        synonyms: Localized::default(),
        stopwords: Localized {
            en: vec![
                "the".into(),
                "how".into(),
                "many".into(),
                "did".into(),
                "are".into(),
                "pls".into(),
                "i".into(),
            ],
            ru: vec!["и".into(), "в".into(), "без".into(), "это".into(), "на".into(), "нибудь".into()],
        },
        entities: Vec::new(),
        known: Vec::new(),
        contrasts: Vec::new(),
    };
    let mut analyzer = Analyzer::new(&lexicon);
    analyzer.analyze_knowledge("Аналитики говорят, что мужчины уехали в Грузию и в страны без виз.", true);
    analyzer.analyze_knowledge("Губернатор Цыданов признал ошибку. Какие страны названы?", true);
    analyzer.analyze_knowledge(
        "Putin ordered a draft; men were drafted and fled to Georgia. Lars said so. Belarus too.",
        true,
    );
    analyzer.keep_article("Putin ordered a partial draft; men fled to Georgia.");
    analyzer
}

#[test]
fn transliterated_russian_is_read_as_russian() {
    let a = analyzer();
    for (typed, meant) in [
        ("chto govorjat analitiki?", "что говорят аналитики?"),
        ("chto govoryat analitiki", "что говорят аналитики"),
        ("skolko stran bez viz nazvano i kakie", "сколько стран без виз названо и какие"),
        ("uehali v gruziju", "уехали в грузию"),
        ("Muzhchiny uekhali v Gruziyu?", "мужчины уехали в грузию?"),
        ("eto gubernator", "это губернатор"),
        // In a message read as Russian, every word not the knowledge's is Russian.
        (
            "privet! kto-nibud znaet chto govorjat analitiki pro belarus?",
            "привет! кто-нибудь знает что говорят аналитики про belarus?",
        ),
    ] {
        assert_eq!(a.reread_script(typed).as_deref(), Some(meant), "{typed}");
    }
    assert!(a.analyze_question("chto govorjat analitiki").other_script, "flagged while analysing");
}

#[test]
fn keyboard_layout_slips_are_read_as_meant() {
    let a = analyzer();
    // Russian typed on the English layout, with the punctuation keys that are letters.
    assert_eq!(a.reread_script("cnhfys ,tp dbp?").as_deref(), Some("страны без виз?"));
    assert_eq!(a.reread_script("fyfkbnbrb ujdjhzn").as_deref(), Some("аналитики говорят"));
    assert_eq!(a.reread_script("xnj ujdjhzn ue,thyfnjh?").as_deref(), Some("что говорят губернатор?"));
    // English typed on the Russian layout.
    assert_eq!(a.reread_script("рщц ьфтн ьут адув?").as_deref(), Some("how many men fled?"));
    assert!(a.analyze_question("рщц ьфтн ьут адув?").other_script);
    assert_eq!(a.reread_script("рщц ьфтн ьут фку вкфаеув?").as_deref(), Some("how many men are drafted?"));
}

#[test]
fn english_words_and_names_stay_as_typed() {
    let a = analyzer();
    for text in [
        "how many men fled to Georgia?",
        "did Putin draft Lars?",
        "what did the governor say",
        "мужчины уехали в Грузию",
        "zelensky mariupol",
    ] {
        assert_eq!(a.reread_script(text), None, "{text}");
        assert!(!a.analyze_question(text).other_script, "{text}");
    }
    // A typo of a known English word stays English, though it reads as Russian too.
    assert_eq!(a.reread_script("men fighting polise?"), None);
    // A Russian word in an English message is read, the English words are kept.
    assert_eq!(
        a.reread_script("did men flee to gruziju on Friday?").as_deref(),
        Some("did men flee to грузию on Friday?")
    );
}

#[test]
fn chat_latin_sh_may_be_shch_and_fillers_stay_as_typed() {
    let mut a = analyzer();
    a.analyze_knowledge("Агентства сообщили об этом.", true);
    // "sh" is "щ" when only that reading is a known word; "pls", a stop word as typed
    // that reads as no Russian word, is left alone.
    assert_eq!(
        a.reread_script("kto soobshil pro gruziju pls?").as_deref(),
        Some("кто сообщил про грузию pls?")
    );
    // A stop word that is a Russian word too is still read as Russian ("i").
    assert_eq!(a.reread_script("kto soobshil i uehal").as_deref(), Some("кто сообщил и уехал"));
}
