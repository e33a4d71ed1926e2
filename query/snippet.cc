#include "snippet.h"

#include <algorithm>

#include "ascii.h"
#include "text_normalizer.h"

namespace infonote {

namespace {

// A second mention of a word adds this much of its weight to a stretch;
// more mentions add nothing, so that one word repeated never outweighs
// two different ones.
constexpr double kSecondMention = 0.1;

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool ends_sentence(char c)
{
    return c == '.' || c == '!' || c == '?';
}

// The end of the word that starts at `at`: word characters, joined by an
// apostrophe (' or ’) before another word character, or by a full stop or
// comma between digits ("d'Ivoire", "1,000").
std::size_t word_end(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    for (;;) {
        if (std::size_t n = word_char_at(text, end)) {
            end += n;
            continue;
        }
        std::size_t joiner = 0;
        if (end < text.size() && text[end] == '\'')
            joiner = 1;
        else if (text.compare(end, 3, "\u2019") == 0)
            joiner = 3;
        else if (end + 1 < text.size() && (text[end] == '.' || text[end] == ',') &&
                 is_digit(text[end - 1]) && is_digit(text[end + 1]))
            joiner = 1;
        if (joiner == 0 || word_char_at(text, end + joiner) == 0) return end;
        end += joiner;
    }
}

// The word as the index folded it: ASCII lower-cased in place, anything
// else through the text pipeline.
void fold_into(std::string_view word, std::string& key)
{
    key.clear();
    for (char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            key = fold(word);
            return;
        }
        key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

struct Match {
    std::size_t begin = 0;
    std::size_t end = 0;
    int target = 0;
};

// The stretches of distinct query words that fit in a passage: matches
// enter at the end, leave at the front, and the weight of what is inside
// is kept up to date.
class Window {
  public:
    explicit Window(const std::vector<double>& weights)
        : weights_(weights), mentions_(weights.size(), 0)
    {
    }

    void enter(int target) { score_ += change(target, ++mentions_[target]); }
    void leave(int target) { score_ -= change(target, mentions_[target]--); }
    double score() const { return score_; }

  private:
    // What the `nth` mention of a target adds.
    double change(int target, int nth) const
    {
        return nth == 1 ? weights_[target] : nth == 2 ? weights_[target] * kSecondMention : 0;
    }

    const std::vector<double>& weights_;
    std::vector<int> mentions_;
    double score_ = 0;
};

}  // namespace

SnippetCutter::SnippetCutter(const Xapian::Query& query, const Xapian::MSet& mset) : stem_(query)
{
    collect(query, mset);
    double heaviest = 0;
    for (double w : weights_) heaviest = std::max(heaviest, w);
    // A word in every note weighs nothing in BM25, but is still marked.
    for (double& w : weights_) w = std::max(w, heaviest > 0 ? heaviest / 64 : 1.0);
}

int SnippetCutter::target_of(const std::string& term, const Xapian::MSet& mset)
{
    auto known = std::find(target_terms_.begin(), target_terms_.end(), term);
    if (known != target_terms_.end()) return static_cast<int>(known - target_terms_.begin());
    double weight = 0;
    try {
        weight = mset.get_termweight(term);
    } catch (const Xapian::Error&) {
        // A term the match did not weigh: the floor below.
    }
    target_terms_.push_back(term);
    weights_.push_back(weight);
    return static_cast<int>(target_terms_.size() - 1);
}

void SnippetCutter::collect(const Xapian::Query& query, const Xapian::MSet& mset)
{
    auto prefixed = [](const std::string& term) {
        return term.empty() || (term[0] >= 'A' && term[0] <= 'Z');
    };
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM: {
            const std::string& term = *query.get_terms_begin();
            // A word of the text is lower case: it never equals a term
            // with a field prefix, nor stems to one ("ZS" + a title stem).
            if (term.size() > 1 && term[0] == 'Z' && !prefixed(term.substr(1)))
                stemmed_.emplace(term.substr(1), target_of(term, mset));
            else if (!prefixed(term))
                unstemmed_.emplace(term, target_of(term, mset));
            return;
        }
        case Xapian::Query::OP_WILDCARD: usable_ = false; return;
        case Xapian::Query::OP_AND_NOT:
            // What a note must not hold is not in the notes shown.
            if (query.get_num_subqueries() > 0) collect(query.get_subquery(0), mset);
            return;
        case Xapian::Query::OP_PHRASE: {
            Phrase phrase;
            std::string joined;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
                Xapian::Query word = query.get_subquery(i);
                if (word.get_type() != Xapian::Query::LEAF_TERM) break;
                std::string term = *word.get_terms_begin();
                if (prefixed(term)) break;
                phrase.words.push_back(term);
                joined += (joined.empty() ? "" : " ") + term;
            }
            if (!phrase.words.empty() && phrase.words.size() == query.get_num_subqueries()) {
                phrase.target = target_of(joined, mset);
                double weight = 0;
                for (const std::string& w : phrase.words) weight += weights_[target_of(w, mset)];
                weights_[phrase.target] = weight;
                longest_phrase_ = std::max(longest_phrase_, phrase.words.size());
                phrases_.push_back(std::move(phrase));
                return;
            }
            break;
        }
        default: break;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        collect(query.get_subquery(i), mset);
}

std::string SnippetCutter::cut(std::string_view text, std::size_t length,
                               const std::string& mark_begin, const std::string& mark_end)
{
    std::vector<Match> matches;
    Window window(weights_);
    std::size_t first = 0;  // the window's first match
    double best = 0;
    std::size_t best_first = 0;
    std::size_t best_last = 0;
    // The last words read, for phrases: folded, and where each began.
    std::vector<std::string> recent(longest_phrase_);
    std::vector<std::size_t> recent_begin(longest_phrase_);
    std::size_t words = 0;
    std::string key;
    for (std::size_t at = 0; at < text.size();) {
        if (word_char_at(text, at) == 0) {
            ++at;
            continue;
        }
        std::size_t begin = at;
        at = word_end(text, at);
        if (best > 0 && begin > matches[best_last].end + length) break;
        fold_into(text.substr(begin, at - begin), key);

        int target = -1;
        std::size_t match_begin = begin;
        for (const Phrase& p : phrases_) {
            std::size_t n = p.words.size();
            if (p.words.back() != key || words + 1 < n) continue;
            bool follows = true;
            for (std::size_t back = 1; back < n && follows; ++back)
                follows = recent[(words - back) % longest_phrase_] == p.words[n - 1 - back];
            if (follows) {
                target = p.target;
                match_begin = recent_begin[(words - (n - 1)) % longest_phrase_];
                break;
            }
        }
        if (target < 0) {
            auto found = unstemmed_.find(key);
            if (found != unstemmed_.end()) {
                target = found->second;
            } else if (!stemmed_.empty()) {
                found = stemmed_.find(stem_(key));
                if (found != stemmed_.end()) target = found->second;
            }
        }
        if (longest_phrase_ > 0) {
            recent[words % longest_phrase_] = key;
            recent_begin[words % longest_phrase_] = begin;
        }
        ++words;
        if (target < 0) continue;

        matches.push_back({match_begin, at, target});
        window.enter(target);
        std::size_t last = matches.size() - 1;
        while (first < last && matches[last].end - matches[first].begin > length)
            window.leave(matches[first++].target);
        if (window.score() > best) {
            best = window.score();
            best_first = first;
            best_last = last;
        }
    }
    if (matches.empty()) return "";

    // Context before the stretch: a third of the room it leaves, from the
    // start of a word, or from the start of its sentence when that is
    // within reach.
    std::size_t from = matches[best_first].begin;
    std::size_t to = matches[best_last].end;
    std::size_t room = to - from < length ? length - (to - from) : 0;
    std::size_t reach = from > room / 3 ? from - room / 3 : 0;
    std::size_t start = from;
    for (std::size_t i = from; i > reach; --i) {
        if (is_ascii_space(text[i - 1]) && !is_ascii_space(text[i])) start = i;
        if (i >= 2 && is_ascii_space(text[i - 1]) && ends_sentence(text[i - 2])) break;
    }
    if (reach == 0) start = 0;
    while (start < from && is_ascii_space(text[start])) ++start;
    std::size_t end = std::min(text.size(), start + length);
    if (end < text.size()) {
        while (end > to && !is_ascii_space(text[end])) --end;
        end = std::max(end, to);
    }
    while (end > to && is_ascii_space(text[end - 1])) --end;

    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::string out;
    std::size_t before = start;
    while (before > 0 && is_ascii_space(text[before - 1])) --before;
    if (before > 0 && !ends_sentence(text[before - 1])) out += "...";
    std::size_t copied = start;
    for (const Match& m : matches) {
        if (m.begin < copied || m.end > end) continue;
        out.append(text, copied, m.begin - copied);
        out += mark_begin;
        out.append(text, m.begin, m.end - m.begin);
        out += mark_end;
        copied = m.end;
    }
    out.append(text, copied, end - copied);
    std::size_t after = end;
    while (after < text.size() && is_ascii_space(text[after])) ++after;
    if (after < text.size() && !ends_sentence(text[end - 1])) out += "...";
    return out;
}

}  // namespace infonote
