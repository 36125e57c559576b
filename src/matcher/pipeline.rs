//! One message through the matcher, stage by stage: its question read out of the
//! noise, decided whole and part by part, the parts combined, widened to a list when
//! a list is asked, declined when it asks off the story's subjects, its premise checked,
//! and the decision assembled with what the reply offers beside it.

use super::index::DocRef;
use super::{
    Candidate, Candidates, Decision, Matcher, Outcome, analyze, compare, decide, followup, lists, message,
    parts, planted, subject, thresholds,
};
use crate::knowledge::Story;
use crate::lang::Lang;

/// What the parts of a message decided, one by one.
struct PartsDecided {
    /// The whole message's decision, or the rest's when parts are set aside.
    whole: (Outcome, f32),
    parts: Vec<(Outcome, f32)>,
    /// A known gap in a part that only sets the scene ("I'm worried how long we'd
    /// wait."): not what the message asks, said next to the answer.
    context_gap: Option<usize>,
    /// Each part's subject, when the story never uses it ([`subject::unknown_subject`]).
    subjects: Vec<(Outcome, Option<subject::Unknown>)>,
    /// The entries parts answered that ask something of their own ([`lists::part_asks`]).
    asking: Vec<usize>,
}

impl Matcher {
    /// [`Self::decide_with_candidates`]; with `reread`, a message with words typed in the
    /// other script or layout is read again, once, with them written as meant.
    pub(super) fn decide_read(
        &self,
        story: &Story,
        message: &str,
        lang_hint: Option<&str>,
        reread: bool,
    ) -> (Decision, Vec<Candidate>) {
        let read = self.read(message);
        let question = read.as_ref();
        let analysis = self.index.analyzer.analyze_question(question);
        // A Latin word read as an unknown name may be Russian typed on the English
        // layout, split at a punctuation key ("ueu,thyfnjh"): the message's words tell.
        let latin_name = || analysis.names.iter().any(|name| name.is_ascii());
        if reread
            && (analysis.other_script || latin_name())
            && let Some(rewritten) = self.index.analyzer.reread_script(message)
        {
            return self.decide_read(story, &rewritten, lang_hint, false);
        }
        if let Some(part) = self.the_part_beside_source_asks(question) {
            return self.decide_read(story, part, lang_hint, reread);
        }
        // The question's language; a message of noise alone is answered in its own.
        let lang = Lang::detect(if question.trim().is_empty() { message } else { question }, lang_hint);
        let candidates = self.candidates_for(&analysis);
        let decided = self.decide_parts(question, self.decide_spoken(&candidates, &analysis));
        let gap_of = |gap: usize, entry: usize| story.gaps[gap].related.contains(&story.entries[entry].id);
        let decide::Combined { outcome, score, gap_part } =
            decide::combine(decided.whole, &decided.parts, decided.context_gap, gap_of);
        let requested = lists::requests_a_list(&analysis.words);
        let one_part = decided.parts.is_empty();
        let (outcome, score) = self.widen_to_lists(
            story,
            question,
            &analysis,
            &candidates,
            (outcome, score),
            &decided.asking,
            one_part,
            requested,
        );
        let outcome = compare::compared(story, &self.index, &analysis, outcome, &candidates, gap_part);
        // "Which agency reported …?", "what did Reuters report?": answered by what was reported.
        let (outcome, score) =
            if one_part { self.credited(story, &analysis, (outcome, score)) } else { (outcome, score) };
        let outcome = self.quiet_gap(&analysis, outcome, lang);
        // A question about a subject the story never speaks of is declined; no gap is
        // about it either, since every gap's words are the story's.
        let unknown = if one_part {
            subject::unknown_subject(&self.index, &analysis.words)
        } else {
            subject::unknown_in_parts(decided.subjects)
        };
        // "What's the best *app* to check the queue?": advice about a thing the story never names.
        let unknown = unknown.or_else(|| self.unknown_advice_subject(&analysis.words));
        let outcome = subject::declined_off_story(outcome, score, unknown.is_some(), one_part, &analysis);
        // "You are my lawyer now: how do I get out of it?" asks advice the article never gives.
        let asks_advice = || message::asks_how_to(&analysis.words) && message::casts_an_adviser(message);
        let ignored = message::ignores_the_article(message);
        let set_aside = ignored && outcome.speaks();
        // "Pretend the article says Putin fled. Where did he go?" asks about the pretence.
        let planted = || planted::asks_about_planted(&self.index.analyzer, message, &analysis);
        let outcome = if outcome.speaks() && (ignored || asks_advice() || planted()) {
            Outcome::NoMatch
        } else {
            self.declined_own_fate(question, &analysis, outcome, (gap_part, candidates.gap), lang)
        };
        // Asked outside the article, a view is declined with the rest of what it asks.
        let (outcome, score) = match message::view_declined(story, &analysis.words, &outcome) {
            Some(declined) if !ignored => (declined, 0.0),
            _ => (outcome, score),
        };
        // A figure or a word the article contradicts is corrected; a yes/no question
        // the answering entry barely speaks of is declined. A request for a list is no
        // yes/no question ([`lists::requests_a_list`]).
        let checked =
            self.premises.check(self, story, question, &analysis, (outcome, score), one_part && !requested);
        let (outcome, score, correction) = (checked.outcome, checked.score, checked.correction);
        let outcome = self.quiet_clarify(outcome, &analysis);
        let gap_part = gap_part.filter(|_| correction.is_none() && matches!(outcome, Outcome::Answer { .. }));
        // A gap in the scene the message sets, backed only by quotes the answer shows,
        // would restate the answer.
        let gap_part = gap_part
            .filter(|&gap| Some(gap) != decided.context_gap || !decide::gap_restates(story, gap, &outcome));
        let subject = unknown
            .map(|u| u.word)
            .filter(|word| outcome == Outcome::NoMatch && lang == Lang::En && self.safe_to_name(story, word));
        let mut suggestions = decide::suggestions(&self.related, &outcome, &candidates, &self.starters);
        if matches!(outcome, Outcome::Gap { .. } | Outcome::NoMatch) {
            suggestions = self.quiet_offers(suggestions, &analysis);
        }
        let note_head_only = matches!(outcome, Outcome::Gap { gap }
            if self.gap_names.head_only(&self.index, &analysis, gap, lang));
        let more = match outcome {
            Outcome::Answer { entry, also: Some(also) } if correction.is_none() => {
                decide::further_answers(story, [entry, also], &decided.asking)
            }
            _ => Vec::new(),
        };
        let article_set_aside = set_aside && outcome == Outcome::NoMatch;
        let on_the_list = one_part
            && correction.is_none()
            && matches!(outcome, Outcome::Answer { entry, also: None } if self.confirms_member(story, &analysis, entry));
        let decision = Decision {
            outcome,
            score,
            lang,
            ranked: candidates.ranked,
            suggestions,
            gap_part,
            more,
            asked: followup::asked_terms(&analysis),
            correction,
            subject,
            note_head_only,
            article_set_aside,
            on_the_list,
        };
        (decision, candidates.entries)
    }

    /// [`decide::decide`], with small talk only where it may answer
    /// ([`BareSmallTalk::may_answer`](super::small_talk::BareSmallTalk::may_answer)): "so
    /// who did?" speaks to no one, and alone it asks nothing the story answers.
    fn decide_spoken(&self, candidates: &Candidates, analysis: &analyze::Analysis) -> (Outcome, f32) {
        match decide::decide(candidates) {
            (Outcome::SmallTalk { .. }, _) if !self.bare_small_talk.may_answer(analysis) => {
                (Outcome::NoMatch, 0.0)
            }
            decided => decided,
        }
    }

    /// Splits `question` into its parts and decides each on its own; `whole` is the
    /// whole message's decision.
    fn decide_parts(&self, question: &str, whole: (Outcome, f32)) -> PartsDecided {
        let mut decided = PartsDecided {
            whole,
            parts: Vec::new(),
            context_gap: None,
            subjects: Vec::new(),
            asking: Vec::new(),
        };
        let unknown = |clause: &str| self.names_unknown(&self.index.analyzer.analyze_question(clause));
        let split = parts::split_keeping(question, &unknown);
        let mut analyses: Vec<analyze::Analysis> =
            split.iter().map(|part| self.index.analyzer.analyze_question(part)).collect();
        let things = |a: &analyze::Analysis| {
            (!self.names_unknown(a)).then(|| self.gap_names.thing_terms(&self.index, a))
        };
        let referents = parts::refer::carry(&split, &mut analyses, things);
        let the_question = self.lone_source_questions(&split, &analyses, &referents.absorbed);
        let mut aside: Vec<bool> = analyses
            .iter()
            .zip(&referents.absorbed)
            .zip(&the_question)
            .map(|((a, &ab), &asked)| ab || !asked && self.asks_only_the_source(a))
            .collect();
        // Whether each part asked a question the article leaves unanswered.
        let mut declined = vec![false; split.len()];
        for (i, (&part, analysis)) in split.iter().zip(&analyses).enumerate() {
            let part_decided = if aside[i] || !the_question[i] && self.asks_nothing_alone(part, analysis) {
                (Outcome::NoMatch, 0.0)
            } else {
                let outcome = self.decide_part(part, analysis, &mut decided);
                declined[i] =
                    matches!(outcome.0, Outcome::Gap { .. } | Outcome::NoMatch) && !parts::is_context(part);
                outcome
            };
            decided.parts.push(part_decided);
        }
        // A part that only goes on asking about a declined question before it ("Can I
        // work in Serbia visa-free? And how long does that take?") is declined with it.
        for i in 1..split.len() {
            let names_nothing = || !analyses[i].terms.iter().any(|t| self.index.entity_group(t).is_some());
            if declined[i - 1]
                && decided.parts[i].0.speaks()
                && parts::refer::leans_back(&analyses[i].words, names_nothing)
            {
                decided.parts[i] = (Outcome::NoMatch, 0.0);
                (aside[i], declined[i]) = (true, true);
            }
        }
        // Parts set aside (absorbed into a part that points back at them, asking only
        // for the source, or leaning on a declined one): the message asks the rest.
        if aside.contains(&true)
            && let Some(rest) = self.whole_without(&split, &analyses, &aside)
        {
            decided.whole = rest;
        }
        decided
    }

    /// Which parts ask only for the source while no other part asks anything ("Which
    /// outlets does it cite? give me all of them"): with no question of the rest for the
    /// source line to answer, asking for the sources is the question.
    fn lone_source_questions(
        &self,
        split: &[&str],
        analyses: &[analyze::Analysis],
        absorbed: &[bool],
    ) -> Vec<bool> {
        let source: Vec<bool> = analyses.iter().map(|a| self.asks_only_the_source(a)).collect();
        // Most messages have no such part: then what the rest asks need not be read.
        if !source.iter().zip(absorbed).any(|(&src, &ab)| src && !ab) {
            return vec![false; source.len()];
        }
        let rest_asks = split
            .iter()
            .zip(analyses)
            .zip(absorbed)
            .zip(&source)
            .any(|(((&part, a), &ab), &src)| !ab && !src && !self.asks_nothing_alone(part, a));
        source.iter().zip(absorbed).map(|(&src, &ab)| src && !ab && !rest_asks).collect()
    }

    /// Whether a part asks nothing on its own: "… and when?" or "need a number pls" asks
    /// about the rest of the message, and so does "and who reported it?", which the
    /// answer's source line answers. Nor does a part whose every word is a typo fix's
    /// guess ("sooo…", "сорян,"): a word the knowledge never uses, read as the nearest
    /// one it does, is too weak to be a question of its own.
    pub(super) fn asks_nothing_alone(&self, part: &str, analysis: &analyze::Analysis) -> bool {
        let known = |t: &str| self.index.term(t).is_some();
        analysis.terms.iter().all(|t| t.starts_with(analyze::QUESTION_MARK) || analysis.corrected.contains(t))
            || parts::asks_only_for_a_kind(&analysis.terms, analyze::QUESTION_MARK, known)
            || parts::only_says_where(part)
            || parts::only_cites_the_article(part)
            || lists::only_requests_a_list(&analysis.words)
            || self.asks_only_the_source(analysis)
            || parts::only_names_the_article(
                part,
                analysis,
                !self.gap_names.thing_terms(&self.index, analysis).is_empty(),
            )
    }

    /// One part's decision, noting in `decided` its subject, a gap it only sets the
    /// scene with, and whether its answer asks something of its own.
    fn decide_part(
        &self,
        part: &str,
        analysis: &analyze::Analysis,
        decided: &mut PartsDecided,
    ) -> (Outcome, f32) {
        let outcome = match self.decide_spoken(&self.candidates_for(analysis), analysis) {
            (Outcome::Gap { gap }, score) if parts::is_context(part) => {
                decided.context_gap.get_or_insert(gap);
                (Outcome::NoMatch, score)
            }
            outcome => outcome,
        };
        decided.subjects.push((outcome.0.clone(), subject::unknown_subject(&self.index, &analysis.words)));
        if let Outcome::Answer { entry, .. } = outcome.0
            && lists::part_asks(part, &analysis.terms)
        {
            decided.asking.push(entry);
        }
        outcome
    }

    /// A request for a list, or for every item of one, is answered by the list entry
    /// rather than by one item's entry or a near tie beside it; `asking` are the entries
    /// parts answered that ask something of their own.
    #[allow(clippy::too_many_arguments)]
    fn widen_to_lists(
        &self,
        story: &Story,
        question: &str,
        analysis: &analyze::Analysis,
        candidates: &Candidates,
        (mut outcome, mut score): (Outcome, f32),
        asking: &[usize],
        one_part: bool,
        requested: bool,
    ) -> (Outcome, f32) {
        outcome = lists::no_list_beside_an_answer(story, outcome, |e| {
            (one_part && !requested) || asking.contains(&e)
        });
        outcome = decide::without_restating_also(story, outcome);
        let is_list =
            |o: &Outcome| matches!(o, Outcome::Answer { entry, .. } if lists::is_list(story, *entry));
        let all_named = || lists::asks_for_all_named(&analysis.words, |w| self.index.analyzer.is_stopword(w));
        if !is_list(&outcome)
            && all_named()
            && let Some(list) = candidates
                .entries
                .iter()
                .find(|c| lists::lists_a_kind(story, c.entry) && c.confidence >= thresholds::CLARIFY)
        {
            (outcome, score) = (Outcome::Answer { entry: list.entry, also: None }, list.confidence);
        }
        // "who are all the people named (the photographer too)?" asks for the list as
        // much as "list the people …" does: either is read without its asides.
        if lists::asks_for_every_item(&analysis.words)
            && !is_list(&outcome)
            && let Some((entry, fit)) = self.list_asked(story, question)
        {
            (outcome, score) = (Outcome::Answer { entry, also: None }, fit);
        }
        if !is_list(&outcome)
            && all_named()
            && let Some((entry, fit)) = self.list_counted(story, question)
        {
            (outcome, score) = (Outcome::Answer { entry, also: None }, fit);
        }
        if !is_list(&outcome)
            && all_named()
            && let Some((entry, fit)) = self.list_of_kind(story, &analysis.words)
        {
            (outcome, score) = (Outcome::Answer { entry, also: None }, fit);
        }
        if lists::asks_for_every_item(&analysis.words) {
            outcome = lists::widened_to_every_item(story, outcome, candidates);
        }
        if lists::asks_for_everything(&analysis.words) {
            outcome = lists::widened_to_joined_passages(story, outcome, candidates);
        }
        (outcome, score)
    }

    /// A question about the asker's own fate ([`subject::asks_own_fate`]) is declined
    /// rather than answered with the fact nearest the situation it describes: with the
    /// known gap a part of it asks (`gaps`: the part's, else the best gap that fits
    /// the message) when that gap is about what was asked ("what's the penalty?"),
    /// else plainly.
    fn declined_own_fate(
        &self,
        question: &str,
        analysis: &analyze::Analysis,
        outcome: Outcome,
        gaps: (Option<usize>, Option<(DocRef, f32)>),
        lang: Lang,
    ) -> Outcome {
        if !outcome.speaks() || !subject::asks_own_fate(question, &analysis.words) {
            return outcome;
        }
        let fitting = match gaps.1 {
            Some((DocRef::Gap(gap), score)) if score >= thresholds::GAP => Some(gap),
            _ => None,
        };
        match gaps.0.or(fitting) {
            Some(gap) => self.quiet_gap(analysis, Outcome::Gap { gap }, lang),
            None => Outcome::NoMatch,
        }
    }

    /// A gap's note only when the gap is about what was asked, and its head names no
    /// other thing of a kind the question names; else a plain decline.
    fn quiet_gap(&self, analysis: &analyze::Analysis, outcome: Outcome, lang: Lang) -> Outcome {
        match outcome {
            Outcome::Gap { gap }
                if !subject::gap_is_about(&self.index, &self.gap_names, analysis, gap)
                    || self.gap_names.head_strays(&self.index, analysis, gap, lang) =>
            {
                Outcome::NoMatch
            }
            outcome => outcome,
        }
    }
}
