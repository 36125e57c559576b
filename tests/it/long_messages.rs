//! Long messages whose question is a wish to know, said without a question mark ("He
//! wanted to know which borders…", "Она хочет узнать, что…"), with a short request after
//! it that points back at it. The messages are written for these tests, not taken from
//! any question set.

use storybot::reply::plain;

use crate::support::shipped_engine;

/// The reply to `message` as a Telegram user reads it.
fn reply(message: &str) -> String {
    plain(&shipped_engine().respond(message, None).reply)
}

#[test]
fn a_wish_to_know_before_a_request_that_points_back_is_the_question() {
    let message = "I coach a youth football team and we talk about the news after practice on \
        Fridays, so I keep up as best I can. One of the older boys said his cousin had to leave \
        Russia in a hurry last week and the family is worried sick. He wanted to know which \
        borders the men were lining up at. Can you list those for me so I can tell him tomorrow?";
    let answer = reply(message);
    for border in ["Finland", "Georgia", "Kazakhstan"] {
        assert!(answer.contains(border), "{border} missing: {answer}");
    }
}

#[test]
fn a_russian_wish_to_know_is_read_the_same_way() {
    let message = "Моя мама всё время смотрит новости и потом звонит мне в панике, я уже не знаю, \
        как её успокоить. Вчера она опять звонила полчаса. Она хочет узнать, что власти обещают \
        тем, кого призвали, и их семьям. Можешь коротко расписать это, чтобы я ей переслал?";
    let answer = reply(message);
    for promise in ["выплат", "кредит", "рабочие места"] {
        assert!(answer.contains(promise), "{promise} missing: {answer}");
    }
}

#[test]
fn a_wish_that_only_announces_the_question_after_it_is_not_read() {
    // "what has been said publicly" has too few terms of its own to be asked alone: read
    // with the real question, its "said" would be answered with who published the story.
    let message = "Our reading group meets on Sunday and two of the members have family in \
        Russia, so the mood is heavy. I have my own views, but I'd like to know what has been \
        said publicly. Does the article quote any religious leaders about the men leaving?";
    let answer = reply(message);
    assert!(answer.starts_with("The article doesn't say"), "{answer}");
    assert!(!answer.contains("Axios story from the World section"), "{answer}");
}

#[test]
fn words_that_announce_the_question_before_a_colon_are_set_aside() {
    // Past the few words of "quick q:", a preamble that says it asks is still framing: its
    // glasses, cat and keyboard would count against every entry.
    let english = "OK my question, and sorry for the typos, my glasses are broken and the cat is \
        sitting on the keyboard: where have the men been fleeing to?";
    let answer = reply(english);
    assert!(answer.contains("Georgia") && answer.contains("Kazakhstan"), "{answer}");
    let russian = "Ладно, раз уж внук мне тебя установил, спрошу то, о чём мы с соседом спорим уже \
        неделю: сколько человек Путин собирается призвать?";
    let answer = reply(russian);
    assert!(answer.contains("300 000"), "{answer}");
}

#[test]
fn a_wish_to_know_beside_a_question_that_stands_alone_is_not_asked() {
    // The question with a mark says all it asks; a wish elsewhere in the story told
    // around it is the asker's news, not a second question.
    let message = "My aunt in Irkutsk wanted to know what the governor of Buryatia admitted, \
        but she always asks about everything and I told her to read it herself. Anyway, I'm \
        booking for my cousin tonight. Which countries can Russians fly to without a visa?";
    let answer = reply(message);
    assert!(answer.contains("Turkey"), "{answer}");
    assert!(!answer.contains("Tsydanov") && !answer.contains("wrongly"), "{answer}");
}

#[test]
fn questions_before_an_announced_question_only_set_the_scene() {
    let message = "My flatmate and I have been arguing about this all week and it is getting silly. \
        Who even reads the fine print anymore? Is anyone honest on television these days? Does it \
        matter? He thinks the news is exaggerated and I think it is worse than they say. So my \
        question for you is: how many men did Putin say could be called up?";
    assert!(reply(message).contains("300,000"), "{}", reply(message));
    let russian = "Сидим с мужем на кухне третий час и спорим, уже оба устали и злимся. Кто вообще прав \
        в этом споре? Может, никто? Чего мы добиваемся? Он говорит одно, я другое, а дети слушают и \
        пугаются. Вопрос у меня такой: сколько человек, по словам Путина, могут призвать?";
    assert!(reply(russian).contains("300 000"), "{}", reply(russian));
}

#[test]
fn a_question_someone_is_quoted_asking_is_not_what_the_writer_asks() {
    let message = "We had a long family dinner and my grandmother kept repeating the same thing. She \
        asked me, 'who is going to stop all this madness?' and nobody could answer her, so we just \
        sat there quietly. My cousin had read the piece on his phone at the table and mentioned the \
        borders. Which border crossings had lines of cars, according to the article?";
    let answer = reply(message);
    assert!(answer.contains("Georgia") || answer.contains("Georgian"), "{answer}");
}

#[test]
fn a_request_to_be_told_before_a_colon_only_announces_the_question() {
    let message = "Соседи спорят уже неделю, кто-то говорит одно, кто-то другое, по телевизору третье, а в \
        чатах вообще непонятно что. Кому верить? Может, всё преувеличено? Я статью на английском читаю \
        плохо, переводчик путает. Скажите, пожалуйста, простыми словами: сколько человек, по словам \
        Путина, могут призвать?";
    assert!(reply(message).contains("300 000"), "{}", reply(message));
}
