//! Link targets made absolute against the page's published URL (a Markdown page's `.md` as the
//! site publishes it), each once a page; and which links rustdoc shows as the page does as they
//! are written.

use std::borrow::Cow;
use std::sync::Arc;

use pulldown_cmark::{CowStr, LinkType};
use rustc_hash::FxHashMap;
use url::Url;

/// Whether a [`Keeper`](super::Keeper) may keep edits for the cells of a page published at `url` (the
/// manifest's `url` of a table on it): the URL parses and is plain (no whitespace, parentheses
/// or angle brackets), so link targets made absolute against it are plain where the targets
/// are.
pub fn edits_serve_at(url: &str) -> bool {
    Url::parse(url).is_ok_and(|url| is_plain(url.as_str()))
}

/// Whether a URL can stand as an inline link's target as written: no whitespace, no
/// parentheses (which could leave it unbalanced), no angle brackets.
pub(super) fn is_plain(url: &str) -> bool {
    !url.contains(|c: char| c.is_whitespace() || "()<>".contains(c))
}

/// Whether a link target is [plain](is_plain) once [made absolute](absolute) against any
/// plain URL: the URL parser only keeps, normalizes or percent-encodes what it is given, so a
/// target of printable ASCII, with nothing it percent-decodes (`%`, in a host) and no `\`
/// (read as `/`), brings nothing that is not plain.
pub(super) fn joins_plainly(target: &str) -> bool {
    target.bytes().all(|byte| byte.is_ascii_graphic() && !b"()<>%\\".contains(&byte))
}

/// A link rustdoc shows as the page does, wherever the page is published: written inline (or
/// as an autolink), to an absolute URL (as `is_absolute` tells them) or nowhere.
pub(super) fn is_absolute_inline(
    link_type: LinkType,
    dest_url: &str,
    is_absolute: &dyn Fn(&str) -> bool,
) -> bool {
    matches!(link_type, LinkType::Inline | LinkType::Autolink | LinkType::Email)
        && (dest_url.is_empty() || is_absolute(dest_url))
}

/// Whether rustdoc would read link target `dest` as the path of an item (an intra-doc link):
/// no `/`, a `:`, and only what paths are made of, as rustdoc tells them (`std::fmt#syntax`,
/// which the Rust Reference's book tooling makes a link to the standard library's docs). It
/// parses as a URL of the scheme `std`, which GitHub does not link: it shows the link's text.
/// rustdoc would warn that no item has that path (a `no_std` crate has no `std`), or link an
/// item the page did not mean. Such a link's text is kept, without the link.
pub(super) fn is_item_path(dest: &str) -> bool {
    // Most targets have no `:` (relative ones) or a `/` (URLs): told before any other look.
    if !dest.contains(':') || dest.contains('/') {
        return false;
    }
    let path = dest.split('#').next().unwrap_or_default();
    path.contains(':') && path.chars().all(|c| c.is_alphanumeric() || ":_<>, !*&;@()".contains(c))
}

/// Whether `dest` is an absolute URL. One without a `:` has no scheme, so it cannot be, and
/// most links in docs are relative: they are told without parsing.
pub(super) fn is_absolute_url(dest: &str) -> bool {
    dest.contains(':') && Url::parse(dest).is_ok()
}

/// Whether `dest` is an absolute URL that rustdoc links as written: not one it would read as
/// an [item's path](is_item_path).
pub(super) fn is_absolute_link(dest: &str) -> bool {
    is_absolute_url(dest) && !is_item_path(dest)
}

/// Link targets [made absolute](absolute) against a page's URL, each once: a page links to
/// a few pages from many rows, and joining a target to the URL took 3% of a 20k-row regen's
/// instructions (callgrind) when it was done for every link.
pub struct Links<'u> {
    /// The page's published URL.
    pub(super) base: &'u Url,
    /// By target as written: the absolute URL where it is [plain](is_plain), shared by the
    /// cells that link to it.
    made: FxHashMap<String, Option<Arc<str>>>,
}

impl<'u> Links<'u> {
    /// No target made absolute against `base` yet.
    pub fn new(base: &'u Url) -> Self {
        Links { base, made: FxHashMap::default() }
    }

    /// `target` made absolute against the page's URL, where that is [plain](is_plain).
    pub(super) fn plain_absolute(&mut self, target: &str) -> Option<Arc<str>> {
        // Looked up once for the many links to a target made already.
        if let Some(made) = self.made.get(target) {
            return made.clone();
        }
        let url = absolute(target.into(), self.base);
        let plain: Option<Arc<str>> = is_plain(&url).then(|| Arc::from(&*url));
        self.made.insert(target.to_owned(), plain.clone());
        plain
    }
}

/// A link target made absolute against `base`; `.md` and `.mdx` (MDX, as Docusaurus sites
/// write their pages) pages become pages as the site publishes them, with the extension of
/// `base` (`.html`, `.htm` or none; `.html` where it ends in `/`), or as written where `base`
/// is a Markdown page itself.
pub fn absolute<'a>(dest: CowStr<'a>, base: &Url) -> CowStr<'a> {
    if dest.is_empty() || is_absolute_url(&dest) {
        return dest;
    }
    // The path ends at a query (`page.md?tabs=portal#anchor`, as Microsoft Learn's links to
    // a tab of a page are written) or a fragment.
    let (path, after) = dest.split_at(dest.find(['?', '#']).unwrap_or(dest.len()));
    // Only a Markdown page's target is rewritten before joining; any other is joined as
    // written.
    let stem = path.strip_suffix(".md").or_else(|| path.strip_suffix(".mdx"));
    let relative: Cow<'_, str> = match (stem, published_extension(base)) {
        (Some(stem), Some(extension)) => Cow::Owned(format!("{stem}{extension}{after}")),
        _ => Cow::Borrowed(&dest),
    };
    match base.join(&relative) {
        Ok(url) => String::from(url).into(),
        Err(_) => dest,
    }
}

/// What a site puts where its Markdown pages' `.md` (or `.mdx`) was, read from the URL it
/// published this page at: `.html` or `.htm` where that ends so (AWS's docs), nothing where
/// its last segment has no extension (Microsoft Learn, the EIPs, Discord, Docusaurus sites);
/// `None` where it is the Markdown page itself (a repository's page on GitHub), whose links
/// stay as written. A URL ending in `/` or in another extension tells nothing: `.html`, the
/// commonest.
fn published_extension(base: &Url) -> Option<&'static str> {
    let last = base.path().rsplit('/').next().unwrap_or_default();
    match last.rsplit_once('.') {
        _ if last.is_empty() => Some(".html"),
        None => Some(""),
        Some((_, "htm")) => Some(".htm"),
        Some((_, "md" | "mdx")) => None,
        Some(_) => Some(".html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rustdoc::tests::base;

    #[test]
    fn relative_page_links_become_published_urls() {
        let url = absolute("iam-role.md".into(), &base());
        assert_eq!(&*url, "https://docs.aws.amazon.com/mediaconvert/latest/ug/iam-role.html");
        let url = absolute("upload-input-files.md#http-input-requirements".into(), &base());
        assert_eq!(
            &*url,
            "https://docs.aws.amazon.com/mediaconvert/latest/ug/upload-input-files.html#http-input-requirements"
        );
        // An MDX page (Docusaurus) is a page too; on GitHub, each stays as written.
        let docusaurus = Url::parse("https://docs.example.com/api/errors").unwrap();
        let url = absolute("./limits.mdx#burst".into(), &docusaurus);
        assert_eq!(&*url, "https://docs.example.com/api/limits#burst");
        let github = Url::parse("https://github.com/o/r/blob/main/docs/errors.mdx").unwrap();
        for (link, published) in [("a.md", "a.md"), ("b.mdx", "b.mdx"), ("c.mdx.txt", "c.mdx.txt")]
        {
            let url = absolute(link.into(), &github);
            assert_eq!(&*url, format!("https://github.com/o/r/blob/main/docs/{published}"));
        }
    }

    /// Microsoft Learn links to a tab of a page with a query before the fragment
    /// (`file-sync-deployment-guide.md?tabs=azure-portal#...`): the page is still a page.
    #[test]
    fn a_page_link_with_a_query_becomes_the_published_page_with_it() {
        let base = Url::parse(
            "https://learn.microsoft.com/azure/storage/file-sync/file-sync-troubleshoot-cloud-tiering",
        )
        .unwrap();
        let link = |target: &str| absolute(target.into(), &base).into_string();
        let folder = "https://learn.microsoft.com/azure/storage/file-sync";
        assert_eq!(
            link("file-sync-deployment-guide.md?tabs=azure-portal#optional-configure-firewall"),
            format!(
                "{folder}/file-sync-deployment-guide?tabs=azure-portal#optional-configure-firewall"
            )
        );
        assert_eq!(link("a.md?view=x"), format!("{folder}/a?view=x"));
        // A query alone is this page's, as written.
        assert_eq!(
            link("?tabs=portal1%252cazure-portal#tiered-files"),
            format!(
                "{folder}/file-sync-troubleshoot-cloud-tiering?tabs=portal1%252cazure-portal#tiered-files"
            )
        );
    }

    #[test]
    fn a_page_link_takes_the_extension_the_page_itself_is_published_with() {
        let link = |base: &str| {
            let base = Url::parse(base).unwrap();
            absolute("../x/bug-check-0x1.md#cause".into(), &base).into_string()
        };
        let learn = "https://learn.microsoft.com/windows-hardware/drivers/debugger/reference2";
        assert_eq!(
            link(learn),
            "https://learn.microsoft.com/windows-hardware/drivers/x/bug-check-0x1#cause"
        );
        assert_eq!(
            link("https://a.example/d/e/p.htm"),
            "https://a.example/d/x/bug-check-0x1.htm#cause"
        );
        assert_eq!(
            link("https://a.example/d/e/p.html"),
            "https://a.example/d/x/bug-check-0x1.html#cause"
        );
        assert_eq!(
            link("https://a.example/d/e/"),
            "https://a.example/d/x/bug-check-0x1.html#cause"
        );
        assert_eq!(
            link("https://a.example/d/e/v1.2"),
            "https://a.example/d/x/bug-check-0x1.html#cause"
        );
        let github = "https://github.com/o/r/blob/main/d/spec.md";
        assert_eq!(link(github), "https://github.com/o/r/blob/main/x/bug-check-0x1.md#cause");
    }

    #[test]
    fn absolute_and_empty_links_are_kept() {
        let kept =
            "http://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html";
        assert_eq!(&*absolute(kept.into(), &base()), kept);
        assert_eq!(&*absolute("mailto:a@b.c".into(), &base()), "mailto:a@b.c");
        assert_eq!(&*absolute("".into(), &base()), "");
    }

    #[test]
    fn links_made_once_read_as_made_each_time() {
        let base = base();
        let mut links = Links::new(&base);
        for target in ["iam-role.md", "a(b).md#x", "https://example.com/", "iam-role.md", ""] {
            let url = absolute(target.into(), &base);
            let plain = is_plain(&url).then_some(&*url);
            assert_eq!(links.plain_absolute(target).as_deref(), plain, "{target}");
        }
        assert_eq!(links.plain_absolute("a(b).md#x"), None);
        assert_eq!(links.made.len(), 4);
    }

    #[test]
    fn edits_serve_only_pages_published_at_a_plain_url() {
        assert!(edits_serve_at("https://docs.aws.amazon.com/mediaconvert/latest/ug/a.html"));
        assert!(edits_serve_at("https://x.test/a b/<c>.html"), "percent-encoded once parsed");
        assert!(!edits_serve_at("https://x.test/a_(b)/c.html"));
        assert!(!edits_serve_at("not a url"));
    }
}
