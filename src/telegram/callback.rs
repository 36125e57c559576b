//! What a button under a message does when pressed: one [`Callback`] type that owns
//! its callback data (`a:<entry>`, `t:<topic>`, `f:+:<entry>`, `f:-:<entry>`), its
//! parsing, and Telegram's 64-byte limit.

use crate::reply::Action;

/// Telegram's limit on a button's callback data, in bytes.
pub const MAX_CALLBACK_DATA: usize = 64;

/// A button's meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// Answer the entry with this id.
    Answer(String),
    /// List the questions of the topic with this number.
    Topic(usize),
    /// 👍 (`up`) or 👎 under an answer to `entry`.
    Vote(Thumb),
}

/// 👍 or 👎 on an answered entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumb {
    pub up: bool,
    pub entry: String,
}

impl Callback {
    /// The callback data, or `None` when it would not fit Telegram's limit.
    pub fn data(&self) -> Option<String> {
        let data = match self {
            Callback::Answer(id) => format!("a:{id}"),
            Callback::Topic(n) => format!("t:{n}"),
            Callback::Vote(Thumb { up, entry }) => format!("f:{}:{entry}", if *up { '+' } else { '-' }),
        };
        (data.len() <= MAX_CALLBACK_DATA).then_some(data)
    }

    /// Reads a button's data back; `None` for data this bot never writes.
    pub fn parse(data: &str) -> Option<Callback> {
        match data.split_once(':')? {
            ("a", id) => Some(Callback::Answer(id.to_string())),
            ("t", n) => n.parse().ok().map(Callback::Topic),
            ("f", rest) => {
                let (vote, entry) = rest.split_once(':')?;
                let up = match vote {
                    "+" => true,
                    "-" => false,
                    _ => return None,
                };
                (!entry.is_empty()).then(|| Callback::Vote(Thumb { up, entry: entry.to_string() }))
            }
            _ => None,
        }
    }

    /// What a question button does; `None` for a vote.
    pub fn action(self) -> Option<Action> {
        match self {
            Callback::Answer(id) => Some(Action::Answer(id)),
            Callback::Topic(n) => Some(Action::Topic(n)),
            Callback::Vote(_) => None,
        }
    }

    /// The vote a 👍/👎 button casts; `None` for a question button.
    pub fn vote(self) -> Option<Thumb> {
        match self {
            Callback::Vote(thumb) => Some(thumb),
            _ => None,
        }
    }
}

impl From<&Action> for Callback {
    fn from(action: &Action) -> Callback {
        match action {
            Action::Answer(id) => Callback::Answer(id.clone()),
            Action::Topic(n) => Callback::Topic(*n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_fits() {
        let id = "x".repeat(crate::knowledge::MAX_ID_LEN);
        let kinds = [
            Callback::Answer(id.clone()),
            Callback::Topic(12),
            Callback::Vote(Thumb { up: true, entry: id.clone() }),
            Callback::Vote(Thumb { up: false, entry: id }),
        ];
        for callback in kinds {
            let data = callback.data().expect("fits");
            assert!(data.len() <= MAX_CALLBACK_DATA);
            assert_eq!(Callback::parse(&data), Some(callback));
        }
    }

    #[test]
    fn data_over_the_limit_is_never_written_and_strange_data_never_read() {
        assert_eq!(Callback::Vote(Thumb { up: false, entry: "x".repeat(61) }).data(), None);
        assert_eq!(Callback::Answer("x".repeat(63)).data(), None);
        for strange in ["zz", "f:*:x", "f:+:", "t:x", "q:book-count"] {
            assert_eq!(Callback::parse(strange), None, "{strange}");
        }
        assert_eq!(Callback::parse("a:"), Some(Callback::Answer(String::new())), "stale, not strange");
    }
}
