"""Example diagnostics for the catalogue codes that readers and writers report (not checks).

Checks carry their own example (``registry.CHECKS``); these complete ``docs/checks.md`` so that
every code of ``importer.diagnostics.CODES`` is shown as a user would see it.
"""

from __future__ import annotations

_X, _T = "blog-06-10-2010.xml", "feed.atom"

#: ``{code: example line}`` for codes reported while reading or writing.
EXAMPLES: dict[str, str] = {
    "inputs-ignored": "blog-fi: info[inputs-ignored]: Read legacy.xml; also in blog-fi and not read: "
                      "public-feed.xml (blogger-feed), takeout/ (blogger-takeout), wxr.xml (wxr).",
    "dates-unreadable": "pages-classic: error[dates-unreadable]: 0 of 7 dates are readable in locale "
                        "en_US; the pages say fi: drop --locale or use --locale fi.",
    "entries-none": f"{_X}: error[entries-none]: No posts or pages were read: the blogger-legacy "
                    "reader reported 12 entry-unknown-kind: see those diagnostics.",
    "prefix-undeclared": f"{_X}:12: warning[prefix-undeclared]: The prefix 'app' is used but never "
                         "declared; read as http://purl.org/atom/app#.",
    "feed-incomplete": "default.xml: warning[feed-incomplete]: This is a public feed: published posts "
                       "only, no drafts, pages or comments.",
    "entry-unknown-kind": f"{_X}:entry[7000000000000000009]: warning[entry-unknown-kind]: Entry of kind "
                          "'widget' skipped.",
    "entry-invalid": f"{_X}:entry[7000000000000000008]: error[entry-invalid]: Post 'Orkut' has no "
                     "published date; skipped.",
    "timezone-missing": f"{_T}: warning[timezone-missing]: The blog's time zone is unknown; times are "
                        "kept in UTC.",
    "timezone-unknown": f"{_X}: warning[timezone-unknown]: BLOG_TIME_ZONE 'Europe/Helsinky' names no "
                        "known zone; ignored.",
    "encoding-suspect": f"{_X}: warning[encoding-suspect]: The file declares encoding 'ISO-8859-1' but "
                        "its bytes are UTF-8: read as declared, 'Päivää' becomes 'PÃ¤ivÃ¤Ã¤'. If the text "
                        "shows such mojibake, convert again with --encoding utf-8.",
    "url-invalid": "blog.json:entry[7000000000000000001]: warning[url-invalid]: The permalink "
                   "'http://[x/' of 'Orkut' cannot be parsed; the entry has no old address to redirect from.",
    "url-reconstructed": f"{_T}: info[url-reconstructed]: 7 posts had no permalink; URLs were rebuilt "
                         "from the title and date.",
    "date-ambiguous": "index.html:entry[7000000000000000004]: warning[date-ambiguous]: '31. lokakuuta "
                      "2010 klo 3.30' happens twice in Europe/Helsinki; the first was used.",
    "blogs-several": "takeout-20240101.zip: info[blogs-several]: The Takeout holds 2 blogs ('Sosmedia "
                     "ja muuta', 'Reseptit'); read 'Sosmedia ja muuta'.",
    "slug-collision": "site:entry[7000000000000000004]: warning[slug-collision]: 'blog-post' is also "
                      "used by entry 7000000000000000003; this entry is written as 'blog-post-2010-03'.",
    "html-raw-kept": "site:entry[7000000000000000002]: info[html-raw-kept]: An <iframe> (YouTube) was "
                     "kept as raw HTML.",
    "script-kept": "site:entry[7000000000000000002]: info[script-kept]: Kept 1 <script>, 1 iframe from "
                   "widgets.example.com in the post 'Kesäkuun kuulumiset' (--keep-scripts).",
    "html-empty-dropped": "site:entry[7000000000000000002]: info[html-empty-dropped]: Left out of "
                          "'Kesäkuun kuulumiset' as they show nothing: empty <a>, empty <h3>.",
    "draft-skipped": "site:entry[7000000000000000007]: info[draft-skipped]: Draft 'Keskeneräinen "
                     "luonnos' was left out (--no-drafts).",
    "kind-skipped": "site:entry[611]: info[kind-skipped]: 'canola2' has kind 'attachment', which "
                    "Markdown output has no place for; left out.",
    "comment-not-public": "site:entry[8000000000000000004]: info[comment-not-public]: Spam comment by "
                          "'Halpoja lääkkeitä' was left out.",
    "old-url-unsafe": "site:entry[7000000000000000001]: warning[old-url-unsafe]: The old path "
                      "'/2010/06/../x.html' cannot be a file; no redirect page was written for it.",
    "title-added": "blog.wxr:entry[7000000000000000003]: warning[title-added]: The untitled post of "
                   "2010-05-20 was given the title '20.5.2010'.",
    "image-failed": "site:entry[7000000000000000002]: warning[image-failed]: Could not download "
                    "https://1.bp.blogspot.com/…/s1600/orkut.jpg (HTTP 404); the remote URL was kept.",
    "page-layout-unknown": "mirror/2010/06/orkut.html: warning[page-layout-unknown]: No Blogger post "
                           "markup found (no div.post or article); page skipped.",
    "post-truncated": "mirror/index.html:entry[7000000000000000001]: warning[post-truncated]: 'Orkut' is "
                      "known only up to its jump break.",
    "encoding-repaired": "mirror/2009/03/kevat.html: warning[encoding-repaired]: Declared ISO-8859-1 but "
                         "the bytes are UTF-8; decoded as UTF-8.",
    "pages-limits": "mirror: info[pages-limits]: Saved pages carry no drafts and no unpublished comments.",
    "file-unreadable": "fixtures/bad/truncated.xml:40: error[file-unreadable]: Cannot read: the XML ends "
                       "in the middle of an element.",
    "kind-custom": "blog.wxr: info[kind-custom]: 12 entries of post type 'product' were kept with kind "
                   "'product'.",
    "control-chars-removed": "blog.wxr:3: warning[control-chars-removed]: 2 control characters "
                             "(U+000B) were removed before parsing.",
    "entry-id-renamed": "export.wordpress.xml:entry[42]: warning[entry-id-renamed]: A second item has id "
                        "'42'; kept as '42-2'.",
    "menu-id-renamed": "export.wordpress.xml:entry[1643-2]: info[menu-id-renamed]: A second menu item has "
                       "id '1643'; kept as '1643-2'.",
    "link-old-host": "site:entry[7000000000000000002]: warning[link-old-host]: 2 links still point at "
                     "http://sosmedia-ja-muuta.blogspot.com/search/label/Orkut and other old pages.",
    "page-dynamic-views": "mirror/index.html: warning[page-dynamic-views]: 'index.html' is a Dynamic Views "
                          "page: its posts are loaded by JavaScript and are not in it.",
    "page-skipped": "mirror: warning[page-skipped]: 'robots.txt' is not a saved Blogger page; it was "
                    "skipped.",
    "split-oversize": "out/blog-003.wxr:entry[7000000000000000001]: warning[split-oversize]: 'Orkut' "
                      "with its comments is 3.2 MB, over --split-size 2 MB; written alone.",
    "post-password-withheld": "export.wordpress.xml:entry[15]: warning[post-password-withheld]: 'Salainen "
                              "suunnitelma' is password-protected in WordPress; written as a draft without "
                              "its password (a static page cannot ask for one). To publish it openly, "
                              "remove the draft mark from its front matter.",
    "featured-image-missing": "export.wordpress.xml:entry[13]: warning[featured-image-missing]: 'Kesä' names "
                              "attachment 999 as its featured image, which is not an attachment with a "
                              "URL in this export; kept without it.",
}
