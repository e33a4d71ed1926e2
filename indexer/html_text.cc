#include "html_text.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include <gumbo.h>

namespace infonote {

namespace {

// --- how deep a document nests, before gumbo sees it ------------------------

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold children (void) or whose end tag is optional and
// which close themselves when a sibling starts (<p>, <li>, <td>...): counting
// their start tags as nesting would take a long sloppy list for a deep tree.
bool never_nests(std::string_view name)
{
    return is_one_of(name, {"area",  "base",  "br",    "col",    "embed",    "hr",       "img",
                            "input", "link",  "meta",  "param",  "source",   "track",    "wbr",
                            "p",     "li",    "dt",    "dd",     "tr",       "td",       "th",
                            "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
                            "rb",    "rt",    "rtc",   "rp",     "html",     "head",     "body"});
}

// The deepest nesting that the document's start and end tags describe. It
// over-estimates for a document that leaves end tags out or has tag-like text
// in scripts, and is exact for the rest; it costs one pass over the bytes.
std::size_t estimate_nesting(std::string_view html)
{
    std::size_t depth = 0, deepest = 0;
    std::string name;
    for (std::size_t at = html.find('<'); at != std::string_view::npos;
         at = html.find('<', at + 1)) {
        std::size_t i = at + 1;
        bool end_tag = i < html.size() && html[i] == '/';
        if (end_tag) ++i;
        name.clear();
        while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i])))
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
        if (name.empty() || never_nests(name)) continue;
        if (end_tag) {
            if (depth > 0) --depth;
        } else {
            deepest = std::max(deepest, ++depth);
        }
    }
    return deepest;
}

// --- gumbo -------------------------------------------------------------------

const GumboOptions& parse_options()
{
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        // Gumbo keeps every parse error by default; a large sloppy document
        // would hold thousands nobody reads.
        o.max_errors = 0;
        return o;
    }();
    return options;
}

struct GumboOutputDestroyer {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&parse_options(), output); }
};
using ParsedHtml = std::unique_ptr<GumboOutput, GumboOutputDestroyer>;

bool is_skipped(const GumboElement& e)
{
    switch (e.tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT: return true;
        default: return gumbo_get_attribute(&e.attributes, "hidden") != nullptr;
    }
}

bool is_preformatted(GumboTag tag)
{
    return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_LISTING ||
           tag == GUMBO_TAG_PLAINTEXT || tag == GUMBO_TAG_XMP;
}

/// Line ends an element needs before and after its content: 2 (a blank line)
/// for paragraphs and headings, 1 for other blocks, 0 for inline elements.
int required_line_ends(GumboTag tag)
{
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: return 2;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_LISTING:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_PLAINTEXT:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_XMP: return 1;
        default: return 0;
    }
}

// --- laying text out ---------------------------------------------------------

/// Builds the text a line at a time: white space collapses, and line ends
/// that blocks ask for are written only when more text follows, so that
/// nested and adjacent blocks do not pile up blank lines.
class TextLayout {
  public:
    /// At least `n` line ends before the next text.
    void require_line_ends(int n) { pending_line_ends_ = std::max(pending_line_ends_, n); }

    /// A line end now (<br>): two in a row make a blank line.
    void line_break()
    {
        flush_line_ends();
        trim_trailing_spaces();
        out_ += '\n';
        pending_space_ = false;
    }

    /// Cells of a table row stay on one line, apart.
    void cell_separator()
    {
        if (!out_.empty() && out_.back() != '\n') pending_space_ = true;
    }

    void add_text(std::string_view text, bool preformatted)
    {
        if (preformatted) {
            flush_line_ends();
            flush_space();
            out_ += text;
            return;
        }
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pending_space_ = true;
            } else if (text.compare(i, 2, "\xC2\xA0") == 0) {
                // A no-break space (&nbsp;), which word processors put
                // after labels, separates words like any other.
                pending_space_ = true;
                ++i;
            } else {
                flush_line_ends();
                flush_space();
                out_ += c;
            }
        }
    }

    /// The text, with no leading or trailing blank lines and one final line
    /// end.
    std::string finish()
    {
        std::size_t begin = out_.find_first_not_of(" \n");
        if (begin == std::string::npos) return {};
        std::size_t end = out_.find_last_not_of(" \n");
        return out_.substr(begin, end + 1 - begin) + '\n';
    }

  private:
    void flush_line_ends()
    {
        if (pending_line_ends_ == 0) return;
        if (!out_.empty()) {
            trim_trailing_spaces();
            std::size_t last = out_.find_last_not_of('\n');
            int present =
                static_cast<int>(out_.size() - (last == std::string::npos ? 0 : last + 1));
            out_.append(static_cast<std::size_t>(std::max(0, pending_line_ends_ - present)), '\n');
        }
        pending_line_ends_ = 0;
        pending_space_ = false;
    }

    void flush_space()
    {
        if (pending_space_ && !out_.empty() && out_.back() != '\n' && out_.back() != ' ')
            out_ += ' ';
        pending_space_ = false;
    }

    void trim_trailing_spaces()
    {
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    }

    std::string out_;
    int pending_line_ends_ = 0;
    bool pending_space_ = false;
};

// Walks the tree with a stack of its own: gumbo's tree is as deep as the
// document nests, and the call stack should not be.
std::string visible_text(const GumboNode* root)
{
    struct Frame {
        const GumboNode* node;
        std::size_t next_child = 0;
    };
    TextLayout layout;
    int preformatted = 0;
    std::vector<Frame> stack{{root}};
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->type == GUMBO_NODE_DOCUMENT
                                          ? frame.node->v.document.children
                                          : frame.node->v.element.children;
        if (frame.next_child == children.length) {
            if (frame.node->type == GUMBO_NODE_ELEMENT) {
                GumboTag tag = frame.node->v.element.tag;
                layout.require_line_ends(required_line_ends(tag));
                if (is_preformatted(tag)) --preformatted;
            }
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
        switch (child->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                layout.add_text(child->v.text.text, preformatted > 0);
                break;
            case GUMBO_NODE_ELEMENT: {
                const GumboElement& e = child->v.element;
                if (is_skipped(e)) break;
                if (e.tag == GUMBO_TAG_BR) {
                    layout.line_break();
                    break;
                }
                if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) layout.cell_separator();
                layout.require_line_ends(required_line_ends(e.tag));
                if (is_preformatted(e.tag)) ++preformatted;
                stack.push_back({child});  // invalidates `frame`
                break;
            }
            default:  // comments, <template> contents, the document itself
                break;
        }
    }
    return layout.finish();
}

}  // namespace

FileText html_to_text(std::string_view utf8)
{
    if (std::size_t depth = estimate_nesting(utf8); depth > kMaxHtmlNesting)
        return refused("HTML nests elements " + std::to_string(depth) + " deep, more than " +
                       std::to_string(kMaxHtmlNesting) + "; skipped");
    ParsedHtml parsed(gumbo_parse_with_options(&parse_options(), utf8.data(), utf8.size()));
    if (!parsed) return refused("HTML parser failed; skipped");
    FileText out;
    out.text = visible_text(parsed->document);
    return out;
}

}  // namespace infonote
