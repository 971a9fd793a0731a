//! Query parameters of the contested list (the page's form and
//! `/api/contested`), read leniently where a form sends empty fields and
//! strictly where a value is wrong (a 400 naming it).

use crate::matching::Reason;
use crate::report::claims::ClaimReport;
use crate::store::Store;

use super::error::HttpError;
use crate::ops::contested::{parse_day, parse_reason, reports, Filter};

/// Claims on one page of the list.
pub const PER_PAGE: usize = 25;

/// Reason names as reports print them, most serious first.
pub const REASONS: &[Reason] = &[
    Reason::Value,
    Reason::Unit,
    Reason::Qualifier,
    Reason::Attribution,
    Reason::Speaker,
    Reason::Wording,
    Reason::SpeakerTitle,
];

/// The filters of `claimtrack contested`, and a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contested {
    pub outlet: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub reasons: Vec<Reason>,
    pub min_outlets: usize,
    /// Claims with at least this many independent outlets (0: any).
    pub min_independent: usize,
    pub article: Option<i64>,
    pub limit: Option<usize>,
    pub drafts: bool,
    /// 1-based; `None`: no paging (the API's default, as the CLI prints).
    pub page: Option<usize>,
}

fn number<T: std::str::FromStr>(name: &str, v: &str) -> Result<T, HttpError> {
    v.trim()
        .parse()
        .map_err(|_| HttpError::bad_request(format!("{name}: {v:?} is not a number")))
}

fn date(name: &str, v: &str) -> Result<String, HttpError> {
    parse_day(v).map_err(|e| HttpError::bad_request(format!("{name}: {e}")))
}

fn flag(v: &str) -> bool {
    !matches!(v.trim(), "" | "0" | "false" | "off" | "no")
}

impl Contested {
    /// From query pairs; empty values are as if not given, unknown names
    /// are ignored.
    pub fn parse(pairs: &[(String, String)]) -> Result<Contested, HttpError> {
        let mut c = Contested {
            min_outlets: 2,
            ..Contested::default()
        };
        for (k, v) in pairs {
            if v.trim().is_empty() {
                continue;
            }
            match k.as_str() {
                "outlet" => c.outlet = Some(v.trim().to_string()),
                "since" => c.since = Some(date(k, v)?),
                "until" => c.until = Some(date(k, v)?),
                "reason" => {
                    for name in v.split(',').filter(|n| !n.trim().is_empty()) {
                        let r = parse_reason(name).map_err(HttpError::bad_request)?;
                        if !c.reasons.contains(&r) {
                            c.reasons.push(r);
                        }
                    }
                }
                "min_outlets" => {
                    c.min_outlets = number(k, v)?;
                    if c.min_outlets < 2 {
                        return Err(HttpError::bad_request(
                            "min_outlets: must be 2 or more: a claim is contested between outlets",
                        ));
                    }
                }
                "min_independent" => c.min_independent = number(k, v)?,
                "independent" if flag(v) => c.min_independent = c.min_independent.max(2),
                "article" => c.article = Some(number(k, v)?),
                "limit" => c.limit = Some(number(k, v)?),
                "drafts" => c.drafts = flag(v),
                "page" => {
                    let p: usize = number(k, v)?;
                    if p == 0 {
                        return Err(HttpError::bad_request("page: pages start at 1"));
                    }
                    c.page = Some(p);
                }
                _ => {}
            }
        }
        Ok(c)
    }

    /// The query pairs that give these filters, without the page.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut p: Vec<(String, String)> = Vec::new();
        let mut add = |k: &str, v: String| p.push((k.to_string(), v));
        for r in &self.reasons {
            add("reason", crate::store::enum_name(r));
        }
        if let Some(o) = &self.outlet {
            add("outlet", o.clone());
        }
        if let Some(d) = &self.since {
            add("since", d.clone());
        }
        if let Some(d) = &self.until {
            add("until", d.clone());
        }
        if self.min_outlets != 2 {
            add("min_outlets", self.min_outlets.to_string());
        }
        if self.min_independent > 0 {
            add("min_independent", self.min_independent.to_string());
        }
        if let Some(a) = self.article {
            add("article", a.to_string());
        }
        if let Some(n) = self.limit {
            add("limit", n.to_string());
        }
        if self.drafts {
            add("drafts", "1".into());
        }
        p
    }

    /// The claims these filters select, most serious first: one page when
    /// paged, with whether more follow.
    pub fn run(&self, store: &Store) -> Result<(Vec<ClaimReport>, bool), HttpError> {
        let (offset, limit) = match self.page {
            // One past the page, to know whether another follows.
            Some(p) => ((p - 1).saturating_mul(PER_PAGE), Some(PER_PAGE + 1)),
            None => (0, self.limit),
        };
        let filter = Filter {
            contested_only: true,
            outlet: self.outlet.as_deref(),
            min_outlets: self.min_outlets,
            min_independent: self.min_independent,
            since: self.since.as_deref(),
            until: self.until.as_deref(),
            reasons: &self.reasons,
            article: self.article,
            offset,
            limit,
            drafts: self.drafts,
        };
        let mut claims = reports(store, &filter)?;
        let more = self.page.is_some() && claims.len() > PER_PAGE;
        if self.page.is_some() {
            claims.truncate(PER_PAGE);
        }
        Ok((claims, more))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
        q.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn form_fields() {
        let c = Contested::parse(&pairs(&[
            ("reason", "qualifier"),
            ("reason", "title,value"),
            ("outlet", ""),
            ("since", "May 14, 2021"),
            ("independent", "1"),
            ("page", "2"),
        ]))
        .unwrap();
        assert_eq!(
            c.reasons,
            vec![Reason::Qualifier, Reason::SpeakerTitle, Reason::Value]
        );
        assert_eq!(c.outlet, None);
        assert_eq!(c.since.as_deref(), Some("2021-05-14"));
        assert_eq!(c.min_independent, 2);
        assert_eq!(c.page, Some(2));
        assert_eq!(
            Contested::parse(&c.pairs()).unwrap(),
            Contested { page: None, ..c }
        );
    }

    #[test]
    fn bad_values_are_400() {
        for q in [
            ("page", "0"),
            ("page", "x"),
            ("reason", "colour"),
            ("since", "yesterday"),
            ("min_outlets", "1"),
            ("article", "3a"),
        ] {
            let e = Contested::parse(&pairs(&[q])).unwrap_err();
            assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST, "{q:?}");
        }
    }
}
