//! The closed choices of the command line: `--difficulty`, `--format` and `--policy`, as clap
//! `ValueEnum`s, each mapped once onto the game's own type or names (the core knows no clap).

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::path::Path;

use clap::ValueEnum;
use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::ErrorKind;

use crate::game::Difficulty;
use crate::oman;
use crate::report;

/// `--difficulty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Level {
    Easy,
    Normal,
    Hard,
}

impl From<Level> for Difficulty {
    fn from(l: Level) -> Difficulty {
        match l {
            Level::Easy => Difficulty::Easy,
            Level::Normal => Difficulty::Normal,
            Level::Hard => Difficulty::Hard,
        }
    }
}

/// `--format` of `report` and `class`; the names double as the output file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    #[value(name = "md", alias = "markdown")]
    Markdown,
    Json,
    Csv,
    #[value(alias = "htm")]
    Html,
}

impl Format {
    /// The format asked for, else the output file's extension, else Markdown.
    pub(crate) fn pick(asked: Option<Format>, output: Option<&Path>) -> Format {
        asked
            .or_else(|| {
                let extension = output?.extension()?.to_string_lossy();
                Format::from_str(&extension, true).ok()
            })
            .unwrap_or(Format::Markdown)
    }

    pub(crate) fn parser() -> Named<Format> {
        Named::new("format", || "md, json, csv or html".into())
    }
}

impl From<Format> for report::Format {
    fn from(f: Format) -> report::Format {
        match f {
            Format::Markdown => report::Format::Markdown,
            Format::Json => report::Format::Json,
            Format::Csv => report::Format::Csv,
            Format::Html => report::Format::Html,
        }
    }
}

/// `--policy` of `simulate`: Oman's scripted players by their names in [`oman::by_name`], or all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Policy {
    Random,
    Greedy,
    Hawk,
    Dove,
    #[value(alias = "cycle-1")]
    Cycle,
    #[value(name = "cycle-2")]
    Cycle2,
    #[value(name = "cycle-3")]
    Cycle3,
    #[value(name = "cycle-4")]
    Cycle4,
    #[value(name = "cycle-5")]
    Cycle5,
    #[value(name = "cycle-6")]
    Cycle6,
    #[value(name = "cycle-7")]
    Cycle7,
    Expert,
    All,
    /// Not a player but a search over open-loop routines (see `cli::routines`).
    Routines,
}

impl Policy {
    /// The policies to play, by name: one, or for `all` every named policy and then the other
    /// fixed cycles (cycle-1 is "cycle"), in the order the table prints them. `routines` is a
    /// search, not a player, and names none.
    pub(crate) fn names(self) -> Vec<String> {
        if self == Policy::Routines {
            return Vec::new();
        }
        if self == Policy::All {
            return oman::POLICIES
                .iter()
                .map(ToString::to_string)
                .chain((2..=oman::cycles().len()).map(|n| format!("cycle-{n}")))
                .collect();
        }
        let value = self
            .to_possible_value()
            .expect("invariant: no policy is skipped");
        vec![value.get_name().to_string()]
    }

    pub(crate) fn parser() -> Named<Policy> {
        Named::new("policy", || {
            format!(
                "one of: {}, cycle-1 to cycle-{}, all, routines",
                oman::POLICIES.join(", "),
                oman::cycles().len()
            )
        })
    }
}

/// Parses a closed choice as clap's `ValueEnum` does (and lists it in `--help`), in any case, but
/// refuses an unknown word with the game's sentence: `unknown format "pdf" (try md, json, csv or
/// html)`.
#[derive(Clone)]
pub(crate) struct Named<E> {
    what: &'static str,
    hint: fn() -> String,
    choice: PhantomData<E>,
}

impl<E> Named<E> {
    fn new(what: &'static str, hint: fn() -> String) -> Named<E> {
        Named {
            what,
            hint,
            choice: PhantomData,
        }
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Named<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<E, clap::Error> {
        let word = value.to_string_lossy();
        E::from_str(&word, true).map_err(|_| {
            let message = format!("unknown {} \"{word}\" (try {})\n", self.what, (self.hint)());
            clap::Error::raw(ErrorKind::InvalidValue, message).with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_named_as_the_game_names_difficulties() {
        for level in Level::value_variants() {
            let name = level.to_possible_value().expect("named");
            assert_eq!(name.get_name(), Difficulty::from(*level).name());
        }
    }

    #[test]
    fn every_policy_value_is_a_policy_and_all_plays_each_once() {
        let all = Policy::All.names();
        let each: Vec<String> = Policy::value_variants()
            .iter()
            .filter(|p| !matches!(p, Policy::All | Policy::Routines))
            .flat_map(|p| p.names())
            .collect();
        let mut sorted = each.clone();
        sorted.sort();
        let mut all_sorted = all.clone();
        all_sorted.sort();
        assert_eq!(sorted, all_sorted, "`all` is every policy value, once");
        for name in &each {
            assert!(oman::by_name(name, 1).is_some(), "{name}");
        }
        assert_eq!(
            all[..oman::POLICIES.len()],
            oman::POLICIES.map(String::from)
        );
        assert_eq!(Policy::from_str("cycle-1", false), Ok(Policy::Cycle));
    }

    #[test]
    fn the_output_file_names_the_format_when_none_is_asked() {
        let pick = |asked, out: &str| Format::pick(asked, Some(Path::new(out)));
        assert_eq!(pick(None, "class.csv"), Format::Csv);
        assert_eq!(pick(None, "page.HTM"), Format::Html);
        assert_eq!(pick(None, "notes.txt"), Format::Markdown);
        assert_eq!(pick(Some(Format::Json), "page.html"), Format::Json);
        assert_eq!(Format::pick(None, None), Format::Markdown);
    }

    #[test]
    fn format_names_are_the_report_extensions() {
        for f in Format::value_variants() {
            let name = f.to_possible_value().expect("named");
            assert_eq!(name.get_name(), report::Format::from(*f).extension());
        }
    }
}
