#include "date_parser.h"

#include <algorithm>
#include <array>
#include <vector>

#include "ascii.h"

// The search runs in two layers. A tokenizer turns the bytes into numbers,
// words (case- and accent-folded), dashes and other marks, skipping every
// kind of space. A matcher then tries, at each token in turn, the few shapes
// a date takes in the notes. Every attempt looks at a bounded number of
// tokens ahead, and tokens are made once and dropped once passed, so the
// search is linear in the text and needs little memory even for huge input.

namespace infonote {

namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// An enumeration of days ("1, 8 and 15 December") never needs more items
// than a month has days. The cap also bounds how far one attempt reads.
constexpr int kMaxListDays = 31;

// Digit runs longer than this are never dates, so their value need not be
// exact; stopping here keeps the arithmetic far from overflow.
constexpr int kValueCap = 99'999'999;

// What a word can be in a date. A word may play several roles: "de" joins
// both "9 de enero" and "enero de 2018".
enum Role : unsigned {
    kOrdinal = 1U << 0,      // "11th", "2nd", French "1er" (also "1ᵉʳ"), Spanish "1º"
    kIntro = 1U << 1,        // opens a date phrase: "from", "du", "del", "les", "on"
    kRange = 1U << 2,        // joins a first and last day: "to", "au", "al"
    kConjunction = 1U << 3,  // joins days of an enumeration: "and", "et", "y"
    kDayFiller = 1U << 4,    // between day and month: "11th of March", "9 de enero"
    kYearFiller = 1U << 5,   // between month and year: "enero de 2018", "del 2019"
    kArticle = 1U << 6,      // before a later day: "le 5 et le 6 juin", "el 9 y el 10"
    kWeekday = 1U << 7,      // before a day: "from Monday 4 to Wednesday 6 March"
};

struct Keyword {
    std::string_view name;      // folded: lower case, accents removed
    int month = 0;              // 1..12 for a month name
    bool abbreviation = false;  // a month name that may take a full stop
    unsigned roles = 0;
};

constexpr Keyword month_name(std::string_view name, int month)
{
    return {name, month, false, 0};
}

constexpr Keyword month_abbreviation(std::string_view name, int month)
{
    return {name, month, true, 0};
}

constexpr Keyword word_with(std::string_view name, unsigned roles)
{
    return {name, 0, false, roles};
}

// Sorted by name at compile time, so that a word is looked up by binary
// search once, when it is tokenized.
constexpr auto kKeywords = [] {
    std::array table{
        // English months.
        month_name("january", 1),
        month_name("february", 2),
        month_name("march", 3),
        month_name("april", 4),
        month_name("may", 5),
        month_name("june", 6),
        month_name("july", 7),
        month_name("august", 8),
        month_name("september", 9),
        month_name("october", 10),
        month_name("november", 11),
        month_name("december", 12),
        month_abbreviation("jan", 1),
        month_abbreviation("feb", 2),
        month_abbreviation("mar", 3),
        month_abbreviation("apr", 4),
        month_abbreviation("jun", 6),
        month_abbreviation("jul", 7),
        month_abbreviation("aug", 8),
        month_abbreviation("sep", 9),
        month_abbreviation("sept", 9),
        month_abbreviation("oct", 10),
        month_abbreviation("nov", 11),
        month_abbreviation("dec", 12),
        // French months; "sept", "oct", "nov" and "dec" are shared with English.
        month_name("janvier", 1),
        month_name("fevrier", 2),
        month_name("mars", 3),
        month_name("avril", 4),
        month_name("mai", 5),
        month_name("juin", 6),
        month_name("juillet", 7),
        month_name("aout", 8),
        month_name("septembre", 9),
        month_name("octobre", 10),
        month_name("novembre", 11),
        month_name("decembre", 12),
        month_abbreviation("janv", 1),
        month_abbreviation("fev", 2),
        month_abbreviation("fevr", 2),
        month_abbreviation("avr", 4),
        month_abbreviation("juil", 7),
        // Spanish months.
        month_name("enero", 1),
        month_name("febrero", 2),
        month_name("marzo", 3),
        month_name("abril", 4),
        month_name("mayo", 5),
        month_name("junio", 6),
        month_name("julio", 7),
        month_name("agosto", 8),
        month_name("septiembre", 9),
        month_name("setiembre", 9),
        month_name("octubre", 10),
        month_name("noviembre", 11),
        month_name("diciembre", 12),
        month_abbreviation("ene", 1),
        month_abbreviation("abr", 4),
        month_abbreviation("ago", 8),
        month_abbreviation("dic", 12),
        // Ordinal suffixes.
        word_with("st", kOrdinal),
        word_with("nd", kOrdinal),
        word_with("rd", kOrdinal),
        word_with("th", kOrdinal),
        word_with("er", kOrdinal),
        word_with("o", kOrdinal),
        // Words that open a date phrase and so belong to its span.
        word_with("from", kIntro),
        word_with("between", kIntro),
        word_with("on", kIntro),
        word_with("du", kIntro),
        word_with("le", kIntro | kArticle),
        word_with("les", kIntro),
        word_with("el", kIntro | kArticle),
        word_with("entre", kIntro),
        word_with("desde", kIntro),
        word_with("del", kIntro | kYearFiller),
        word_with("the", kArticle),
        // Range words.
        word_with("to", kRange),
        word_with("till", kRange),
        word_with("until", kRange),
        word_with("through", kRange),
        word_with("thru", kRange),
        word_with("au", kRange),
        word_with("al", kRange),
        word_with("a", kRange),
        word_with("hasta", kRange),
        // Conjunctions.
        word_with("and", kConjunction),
        word_with("et", kConjunction),
        word_with("y", kConjunction),
        // Weekdays, which may stand before a day.
        word_with("monday", kWeekday),
        word_with("tuesday", kWeekday),
        word_with("wednesday", kWeekday),
        word_with("thursday", kWeekday),
        word_with("friday", kWeekday),
        word_with("saturday", kWeekday),
        word_with("sunday", kWeekday),
        word_with("lundi", kWeekday),
        word_with("mardi", kWeekday),
        word_with("mercredi", kWeekday),
        word_with("jeudi", kWeekday),
        word_with("vendredi", kWeekday),
        word_with("samedi", kWeekday),
        word_with("dimanche", kWeekday),
        word_with("lunes", kWeekday),
        word_with("martes", kWeekday),
        word_with("miercoles", kWeekday),
        word_with("jueves", kWeekday),
        word_with("viernes", kWeekday),
        word_with("sabado", kWeekday),
        word_with("domingo", kWeekday),
        // Fillers.
        word_with("of", kDayFiller),
        word_with("de", kDayFiller | kYearFiller),
    };
    std::sort(table.begin(), table.end(),
              [](const Keyword& a, const Keyword& b) { return a.name < b.name; });
    return table;
}();

// Long enough for every keyword ("septiembre"); longer words are no keyword.
constexpr std::size_t kMaxKeyword = 10;

const Keyword* find_keyword(std::string_view word)
{
    const auto* it = std::lower_bound(
        kKeywords.begin(), kKeywords.end(), word,
        [](const Keyword& entry, std::string_view name) { return entry.name < name; });
    if (it == kKeywords.end() || it->name != word) return nullptr;
    return it;
}

enum class TokenKind : unsigned char { kEnd, kNumber, kWord, kDash, kSlash, kDot, kComma, kOther };

struct Token {
    TokenKind kind = TokenKind::kEnd;
    char symbol = 0;            // punctuation: its first byte
    bool abbreviation = false;  // kWord: a month name that may take a full stop
    int month = 0;              // kWord: 1..12 for a month name
    unsigned roles = 0;         // kWord: the keyword's roles
    int value = 0;              // kNumber: the value, capped at kValueCap
    std::size_t digits = 0;     // kNumber: how many digits
    std::size_t begin = 0;      // byte offsets into the text: [begin, end)
    std::size_t end = 0;

    bool has(Role role) const { return (roles & role) != 0; }
};

bool adjacent(const Token& left, const Token& right)
{
    return left.kind != TokenKind::kEnd && right.kind != TokenKind::kEnd && left.end == right.begin;
}

// ---------------------------------------------------------------------------
// Characters.

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 1;
    bool ok = false;  // false for a byte that does not start valid UTF-8
};

CodePoint decode(std::string_view text, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t size = 0;
    char32_t value = 0;
    char32_t smallest = 0;
    if ((lead & 0xE0) == 0xC0) {
        size = 2;
        value = lead & 0x1F;
        smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        size = 3;
        value = lead & 0x0F;
        smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        size = 4;
        value = lead & 0x07;
        smallest = 0x10000;
    } else {
        return {};
    }
    if (size > text.size() - pos) return {};
    for (std::size_t k = 1; k < size; ++k) {
        const auto next = static_cast<unsigned char>(text[pos + k]);
        if ((next & 0xC0) != 0x80) return {};
        value = (value << 6) | (next & 0x3F);
    }
    // Overlong forms could otherwise smuggle in ASCII digits or spaces.
    if (value < smallest || value > 0x10FFFF) return {};
    return {value, size, true};
}

enum class CharClass { kSpace, kDigit, kLetter, kDash, kSlash, kDot, kComma, kOther };

CharClass classify(const CodePoint& cp)
{
    if (!cp.ok) return CharClass::kOther;
    const char32_t c = cp.value;
    if (c < 0x80) {
        if (is_ascii_space(static_cast<char>(c))) return CharClass::kSpace;
        if (c >= '0' && c <= '9') return CharClass::kDigit;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
        if (c == '-') return CharClass::kDash;
        if (c == '/') return CharClass::kSlash;
        if (c == '.') return CharClass::kDot;
        if (c == ',') return CharClass::kComma;
        return CharClass::kOther;
    }
    if (c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
        c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF)
        return CharClass::kSpace;
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D)
        return CharClass::kDash;
    // Latin-1 punctuation, except the ordinal indicators "ª" and "º".
    if (c < 0xC0) return (c == 0xAA || c == 0xBA) ? CharClass::kLetter : CharClass::kOther;
    if (c == 0xD7 || c == 0xF7) return CharClass::kOther;  // "×", "÷"
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F)) return CharClass::kOther;
    return CharClass::kLetter;
}

// What a letter contributes to a folded word: its base letter in lower case,
// nothing for a combining accent, and a byte no keyword has for the rest.
char fold_letter(char32_t c)
{
    constexpr char kNoKeyword = '\x7f';
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if (c < 0x80) return static_cast<char>(c);
    if (c >= 0xC0 && c <= 0xFF) {
        // Latin-1 letters from U+00C0, upper and lower case alike.
        constexpr std::string_view kLatin1 =
            "aaaaaa\x7f"
            "ceeeeiiii\x7fnooooo\x7fouuuuy\x7f\x7f"
            "aaaaaa\x7f"
            "ceeeeiiii\x7fnooooo\x7fouuuuy\x7fy";
        static_assert(kLatin1.size() == 64);
        return kLatin1[c - 0xC0];
    }
    if (c == 0xAA) return 'a';
    if (c == 0xBA) return 'o';
    if (c == 0x1D49) return 'e';                  // superscript e, as in "1ᵉʳ"
    if (c == 0x02B3) return 'r';                  // superscript r
    if (c >= 0x0300 && c <= 0x036F) return '\0';  // combining accents
    return kNoKeyword;
}

// ---------------------------------------------------------------------------
// Tokens.

/// Makes tokens on demand and keeps only a short window of them.
class TokenStream {
  public:
    explicit TokenStream(std::string_view text) : text_(text), ring_(kInitialRing)
    {
        end_token_.begin = end_token_.end = text.size();
    }

    /// The token with this index, or an end token past the text's end (or
    /// before the window). Tokens are handed out by value because the
    /// window may move in memory when it grows.
    Token at(std::size_t index)
    {
        // Unsigned arithmetic: an index before the window wraps to a huge
        // offset and falls to the slow path.
        if (index - first_ < count_) return ring_[index & (ring_.size() - 1)];
        while (!finished_ && index >= first_ + count_) pull();
        if (index - first_ < count_) return ring_[index & (ring_.size() - 1)];
        return end_token_;
    }

    void forget_before(std::size_t index)
    {
        if (index <= first_) return;
        const std::size_t dropped = std::min(index - first_, count_);
        first_ += dropped;
        count_ -= dropped;
    }

  private:
    void pull()
    {
        while (pos_ < text_.size()) {
            const auto byte = static_cast<unsigned char>(text_[pos_]);
            if (is_ascii_space(static_cast<char>(byte))) {
                ++pos_;
                continue;
            }
            if (byte < 0x80) break;
            const CodePoint cp = decode(text_, pos_);
            if (classify(cp) != CharClass::kSpace) break;
            pos_ += cp.size;
        }
        if (pos_ >= text_.size()) {
            finished_ = true;
            return;
        }
        Token token;
        token.begin = pos_;
        const CodePoint first = decode(text_, pos_);
        switch (classify(first)) {
            case CharClass::kDigit:
                token.kind = TokenKind::kNumber;
                while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
                    if (token.value <= kValueCap)
                        token.value = token.value * 10 + (text_[pos_] - '0');
                    ++token.digits;
                    ++pos_;
                }
                break;
            case CharClass::kLetter:
                token.kind = TokenKind::kWord;
                read_word(token);
                break;
            case CharClass::kDash: token.kind = TokenKind::kDash; break;
            case CharClass::kSlash: token.kind = TokenKind::kSlash; break;
            case CharClass::kDot: token.kind = TokenKind::kDot; break;
            case CharClass::kComma: token.kind = TokenKind::kComma; break;
            case CharClass::kSpace:
            case CharClass::kOther: token.kind = TokenKind::kOther; break;
        }
        if (token.kind != TokenKind::kNumber && token.kind != TokenKind::kWord) {
            token.symbol = text_[pos_];
            pos_ += first.size;
        }
        token.end = pos_;
        if (count_ == ring_.size()) grow();
        ring_[made_ & (ring_.size() - 1)] = token;
        ++made_;
        ++count_;
    }

    // Token number k lives in ring_[k % size]; the size stays a power of two.
    void grow()
    {
        std::vector<Token> bigger(ring_.size() * 2);
        for (std::size_t k = first_; k < first_ + count_; ++k)
            bigger[k & (bigger.size() - 1)] = ring_[k & (ring_.size() - 1)];
        ring_.swap(bigger);
    }

    void read_word(Token& token)
    {
        std::array<char, kMaxKeyword> folded{};
        std::size_t size = 0;
        bool keyword = true;
        while (pos_ < text_.size()) {
            const CodePoint cp = decode(text_, pos_);
            if (classify(cp) != CharClass::kLetter) break;
            const char letter = fold_letter(cp.value);  // '\0': a combining accent
            if (letter != '\0') {
                if (size < folded.size())
                    folded[size++] = letter;
                else
                    keyword = false;
            }
            pos_ += cp.size;
        }
        if (!keyword || size == 0) return;
        if (const Keyword* entry = find_keyword({folded.data(), size})) {
            token.month = entry->month;
            token.abbreviation = entry->abbreviation;
            token.roles = entry->roles;
        }
    }

    static constexpr std::size_t kInitialRing = 64;

    std::string_view text_;
    std::size_t pos_ = 0;
    bool finished_ = false;
    // The window holds tokens first_ .. first_ + count_ - 1; made_ tokens
    // have been made so far, so first_ + count_ == made_.
    std::vector<Token> ring_;
    std::size_t first_ = 0;
    std::size_t count_ = 0;
    std::size_t made_ = 0;
    Token end_token_;
};

// ---------------------------------------------------------------------------
// Matching.

bool in_year_range(int year)
{
    return year >= kMinYear && year <= kMaxYear;
}

enum class Outcome { kDate, kNoYear, kInvalid, kBackwards };

/// One date-like stretch of text and what it turned out to be.
struct Construct {
    Outcome outcome = Outcome::kDate;
    Date start;
    Date end;
    std::size_t begin = 0;        // the span returned for a date
    std::size_t quote_begin = 0;  // the text quoted in a problem
    std::size_t end_byte = 0;
    std::size_t next = 0;  // the token to carry on searching from
};

struct Day {
    int value = 0;
    std::size_t next = 0;
    std::size_t end_byte = 0;
};

struct DayList {
    int first = 0;
    int last = 0;
    int count = 0;
    std::size_t next = 0;
    std::size_t end_byte = 0;
};

struct Month {
    int value = 0;
    std::size_t next = 0;
    std::size_t end_byte = 0;  // the word's end, without an abbreviation's dot
};

struct Year {
    bool found = false;
    int value = 0;  // any four-digit number; checked against the range later
    std::size_t next = 0;
    std::size_t end_byte = 0;
};

struct NumericDate {
    Date date;
    std::size_t next = 0;
    std::size_t begin = 0;
    std::size_t end_byte = 0;
};

enum class NumericForm { kIso, kDayMonthYear };

class Matcher {
  public:
    Matcher(std::string_view text, std::optional<Date> reference)
        : text_(text), tokens_(text), reference_(reference)
    {
    }

    DateSearch run()
    {
        DateSearch result;
        std::size_t i = 0;
        while (tok(i).kind != TokenKind::kEnd) {
            // Attempts look back at most two tokens (see starts_cleanly).
            tokens_.forget_before(i >= 2 ? i - 2 : 0);
            std::optional<Construct> found = match_at(i);
            if (!found) {
                ++i;
                continue;
            }
            if (found->outcome == Outcome::kDate) {
                result.range = DateRange{found->start, found->end, found->begin, found->end_byte};
                result.problem.clear();
                return result;
            }
            if (result.problem.empty()) result.problem = describe(*found);
            // Resuming after the whole stretch keeps "12-11 March 2014" from
            // being read again from its middle as "11 March 2014".
            i = std::max(i + 1, found->next);
        }
        return result;
    }

  private:
    Token tok(std::size_t index) { return tokens_.at(index); }

    std::string describe(const Construct& c) const
    {
        const std::string quote(text_.substr(c.quote_begin, c.end_byte - c.quote_begin));
        switch (c.outcome) {
            case Outcome::kNoYear: return "date '" + quote + "' has no year";
            case Outcome::kInvalid: return "'" + quote + "' is not a valid date";
            case Outcome::kBackwards: return "date range '" + quote + "' ends before it starts";
            case Outcome::kDate: break;
        }
        return {};
    }

    std::optional<Construct> match_at(std::size_t i)
    {
        const Token& token = tok(i);
        if (token.has(kIntro)) return match_from(skip_article(i + 1), token.begin);
        return match_from(i, std::nullopt);
    }

    std::optional<Construct> match_from(std::size_t i, std::optional<std::size_t> intro)
    {
        // Most tokens start nothing; they are turned away before any look
        // around them.
        const Token& token = tok(i);
        if (token.kind == TokenKind::kNumber) {
            if (token.digits == 4) {
                if (!starts_cleanly(i)) return std::nullopt;
                return match_numeric(i, intro, NumericForm::kIso);
            }
            if (token.digits > 2 || !starts_cleanly(i)) return std::nullopt;
            if (auto c = match_numeric(i, intro, NumericForm::kDayMonthYear)) return c;
            if (auto c = match_numeric_days(i, intro)) return c;
            return match_day_first(i, intro);
        }
        if (token.month != 0 && starts_cleanly(i)) return match_month_first(i, intro);
        return std::nullopt;
    }

    // A date must not start inside a larger number or word: "1.11 March",
    // "A11 March", "10:30 March" and the "03" of "1850-03-11" are no dates.
    bool starts_cleanly(std::size_t i)
    {
        if (i == 0) return true;
        const Token& token = tok(i);
        const Token& before = tok(i - 1);
        if (!adjacent(before, token)) return true;
        if (before.kind == TokenKind::kNumber || before.kind == TokenKind::kWord) return false;
        if (i < 2) return true;
        const Token& earlier = tok(i - 2);
        return !(earlier.kind == TokenKind::kNumber && adjacent(earlier, before));
    }

    // --- Pieces -------------------------------------------------------------

    std::optional<Day> read_day(std::size_t p)
    {
        const Token& token = tok(p);
        if (token.kind != TokenKind::kNumber || token.digits > 2 || token.value < 1 ||
            token.value > 31)
            return std::nullopt;
        Day day{token.value, p + 1, token.end};
        const Token& suffix = tok(p + 1);
        if (adjacent(token, suffix) && suffix.has(kOrdinal)) {
            day.next = p + 2;
            day.end_byte = suffix.end;
        } else if (adjacent(token, suffix) && suffix.kind == TokenKind::kOther &&
                   spelled(suffix, "\xC2\xB0")) {
            // Spanish "1° de diciembre", a degree sign for the ordinal.
            day.next = p + 2;
            day.end_byte = suffix.end;
        } else if (adjacent(token, suffix) && suffix.kind == TokenKind::kDot) {
            // Spanish "1.º de diciembre", "1.o".
            const Token& ordinal = tok(p + 2);
            if (adjacent(suffix, ordinal) && ordinal.has(kOrdinal) &&
                (spelled(ordinal, "\xC2\xBA") || spelled(ordinal, "o"))) {
                day.next = p + 3;
                day.end_byte = ordinal.end;
            }
        }
        return day;
    }

    bool spelled(const Token& token, std::string_view bytes) const
    {
        return text_.substr(token.begin, token.end - token.begin) == bytes;
    }

    std::optional<Month> read_month(std::size_t p)
    {
        const Token& token = tok(p);
        if (token.month == 0) return std::nullopt;
        Month month{token.month, p + 1, token.end};
        const Token& dot = tok(p + 1);
        if (token.abbreviation && dot.kind == TokenKind::kDot && adjacent(token, dot))
            month.next = p + 2;
        return month;
    }

    // A four-digit number, after an optional comma or "de": "March, 2014",
    // "Nov 28, 2022", "enero de 2018".
    Year read_year(std::size_t p)
    {
        std::size_t q = p;
        if (tok(q).kind == TokenKind::kComma || tok(q).has(kYearFiller)) ++q;
        const Token& token = tok(q);
        if (token.kind != TokenKind::kNumber || token.digits != 4) return {};
        const Token& after = tok(q + 1);
        // "2014th" or "2014a" is something else.
        if (adjacent(token, after) && after.kind == TokenKind::kWord) return {};
        return {true, token.value, q + 1, token.end};
    }

    /// "-", "–", "to", "au", "al", ...: the index after it.
    /// An article may follow: "from the 5th to the 7th".
    std::optional<std::size_t> read_range_separator(std::size_t p)
    {
        const Token& token = tok(p);
        std::size_t next = p + 1;
        if (token.kind == TokenKind::kDash) {
            const Token& second = tok(p + 1);  // "--"
            if (second.kind == TokenKind::kDash && adjacent(token, second)) next = p + 2;
        } else if (!token.has(kRange)) {
            return std::nullopt;
        }
        return skip_article(next);
    }

    /// "and", "et", "y", "&": the index after it, and after an article that
    /// follows ("le 5 et le 6 juin").
    std::optional<std::size_t> read_conjunction(std::size_t p)
    {
        const Token& token = tok(p);
        const bool ampersand = token.kind == TokenKind::kOther && token.symbol == '&';
        if (!token.has(kConjunction) && !ampersand) return std::nullopt;
        return skip_article(p + 1);
    }

    /// Past an article and a weekday with its comma: "to the 6th", "au
    /// mercredi 6", "to Wednesday, 6 March".
    std::size_t skip_article(std::size_t p)
    {
        if (tok(p).has(kArticle)) ++p;
        if (tok(p).has(kWeekday)) {
            ++p;
            if (tok(p).kind == TokenKind::kComma) ++p;
        }
        return p;
    }

    std::optional<std::size_t> read_joiner(std::size_t p)
    {
        if (auto next = read_range_separator(p)) return next;
        return read_conjunction(p);
    }

    // "11", "11-12", "15 to 17", "27 and 28", "1, 8 and 15". An enumeration
    // must end with a conjunction; a bare "1, 8" is taken as the day 1 alone.
    std::optional<DayList> read_day_list(std::size_t p)
    {
        const std::optional<Day> first = read_day(p);
        if (!first) return std::nullopt;
        const DayList single{first->value, first->value, 1, first->next, first->end_byte};
        if (auto sep = read_range_separator(first->next)) {
            if (auto last = read_day(*sep))
                return DayList{first->value, last->value, 2, last->next, last->end_byte};
        }
        // An enumeration that failed once fails the same way when read again
        // from any of its items but the last; remembering that keeps a long
        // run of "1, 2, 3, ..." from being read over and over.
        if (p >= failed_list_.first && p < failed_list_.last_item) return single;
        DayList list = single;
        std::size_t last_item = p;
        while (list.count < kMaxListDays) {
            std::size_t q = list.next;
            const bool comma = tok(q).kind == TokenKind::kComma;
            if (comma) ++q;
            if (auto after = read_conjunction(q)) {
                if (auto last = read_day(*after))
                    return DayList{list.first, last->value, list.count + 1, last->next,
                                   last->end_byte};
                break;
            }
            if (!comma) break;
            const std::optional<Day> item = read_day(q);
            if (!item) break;
            list.last = item->value;
            ++list.count;
            list.next = item->next;
            list.end_byte = item->end_byte;
            last_item = q;
        }
        failed_list_ = {p, last_item};
        return single;
    }

    // --- Whole dates --------------------------------------------------------

    // Builds the outcome once the parts are known. The span starts at an
    // introducing word when there is one ("from", "du", "on"), so that what
    // precedes it is free of it, while a problem quotes the date from its
    // first day or month: "date '15 to 17 October' has no year".
    Construct judge(const Date& start, const Date& end, std::size_t quote_begin,
                    std::optional<std::size_t> intro, std::size_t end_byte, std::size_t next) const
    {
        Construct c;
        c.start = start;
        c.end = end;
        c.quote_begin = quote_begin;
        c.begin = intro ? *intro : quote_begin;
        c.end_byte = end_byte;
        c.next = next;
        if (!start.valid() || !end.valid() || !in_year_range(start.year) ||
            !in_year_range(end.year))
            c.outcome = Outcome::kInvalid;
        else if (end < start)
            c.outcome = Outcome::kBackwards;
        else
            c.outcome = Outcome::kDate;
        return c;
    }

    Construct no_year(std::size_t quote_begin, std::size_t end_byte, std::size_t next) const
    {
        Construct c;
        c.outcome = Outcome::kNoYear;
        c.begin = c.quote_begin = quote_begin;
        c.end_byte = end_byte;
        c.next = next;
        return c;
    }

    // "2014-03-11" or day-first "04/06/2012", "04.06.2012", alone or as a
    // range "2014-03-11 to 2014-03-12".
    std::optional<NumericDate> read_numeric(std::size_t p, NumericForm form)
    {
        const Token& t0 = tok(p);
        const Token& t1 = tok(p + 1);
        if (t0.kind != TokenKind::kNumber || !adjacent(t0, t1)) return std::nullopt;
        const Token& t2 = tok(p + 2);
        const Token& t3 = tok(p + 3);
        const Token& t4 = tok(p + 4);
        if (t2.kind != TokenKind::kNumber || t4.kind != TokenKind::kNumber) return std::nullopt;
        if (!adjacent(t1, t2) || !adjacent(t2, t3) || !adjacent(t3, t4)) return std::nullopt;
        Date date;
        if (form == NumericForm::kIso) {
            if (t0.digits != 4 || t2.digits != 2 || t4.digits != 2) return std::nullopt;
            if (t1.symbol != '-' || t3.symbol != '-') return std::nullopt;
            date = {t0.value, t2.value, t4.value};
        } else {
            if (t0.digits > 2 || t2.digits > 2 || t4.digits != 4) return std::nullopt;
            const bool separator = t1.kind == TokenKind::kSlash || t1.kind == TokenKind::kDot;
            if (!separator || t3.kind != t1.kind) return std::nullopt;
            date = {t4.value, t2.value, t0.value};
        }
        // A year outside the range means this is some other numbering.
        if (!in_year_range(date.year)) return std::nullopt;
        // Nor may the digits go on: "1.2.2014.5", "2014-03-11-2".
        const Token& t5 = tok(p + 5);
        if (adjacent(t4, t5)) {
            if (t5.kind == TokenKind::kNumber) return std::nullopt;
            if (form == NumericForm::kDayMonthYear && t5.kind == TokenKind::kWord)
                return std::nullopt;
            const bool joiner = t5.kind == TokenKind::kSlash || t5.kind == TokenKind::kDot ||
                                t5.kind == TokenKind::kDash;
            const Token& t6 = tok(p + 6);
            if (joiner && t6.kind == TokenKind::kNumber && adjacent(t5, t6)) return std::nullopt;
        }
        return NumericDate{date, p + 5, t0.begin, t4.end};
    }

    std::optional<Construct> match_numeric(std::size_t i, std::optional<std::size_t> intro,
                                           NumericForm form)
    {
        const std::optional<NumericDate> first = read_numeric(i, form);
        if (!first) return std::nullopt;
        NumericDate last = *first;
        if (auto sep = read_joiner(first->next)) {
            if (auto second = read_numeric(*sep, form)) last = *second;
        }
        return judge(first->date, last.date, first->begin, intro, last.end_byte, last.next);
    }

    // "2-4.12.2019": a first day, a dash, then a whole day-first date.
    std::optional<Construct> match_numeric_days(std::size_t i, std::optional<std::size_t> intro)
    {
        const Token& t0 = tok(i);
        const Token& t1 = tok(i + 1);
        if (t1.kind != TokenKind::kDash || !adjacent(t0, t1) || !adjacent(t1, tok(i + 2)))
            return std::nullopt;
        const std::optional<NumericDate> last = read_numeric(i + 2, NumericForm::kDayMonthYear);
        if (!last || t0.value < 1 || t0.value > kMaxListDays) return std::nullopt;
        Date first{last->date.year, last->date.month, t0.value};
        return judge(first, last->date, t0.begin, intro, last->end_byte, last->next);
    }

    /// What has been read of a date written with a month name.
    struct Reading {
        Date start;
        Date end;
        bool have_year = false;
        std::size_t next = 0;      // the token after the last one read
        std::size_t end_byte = 0;  // where the date's text ends
    };

    // The first part: days, a month and perhaps a year. Without a year it
    // ends after the token at `next` - 1, whose text ends at `end_byte`.
    static Reading first_part(const DayList& days, int month, const Year& year, std::size_t next,
                              std::size_t end_byte)
    {
        Reading r;
        r.start = {year.value, month, days.first};
        r.end = {year.value, month, days.last};
        r.have_year = year.found;
        r.next = year.found ? year.next : next;
        r.end_byte = year.found ? year.end_byte : end_byte;
        return r;
    }

    // The second part of a date across months or years: "30 November -
    // 1 December 2015". The first part borrows the second's year. A second
    // part without a year after a complete first part is not taken, since
    // nothing says which year it meant.
    static void take_second_part(Reading& r, int day, int month, const Year& year, std::size_t next,
                                 std::size_t end_byte)
    {
        if (r.have_year && !year.found) return;
        if (!r.have_year) r.start.year = year.value;
        r.end = {year.value, month, day};
        r.have_year = year.found;
        r.next = year.found ? year.next : next;
        r.end_byte = year.found ? year.end_byte : end_byte;
    }

    Construct finish(const Reading& r, std::size_t i, std::optional<std::size_t> intro)
    {
        const std::size_t quote_begin = tok(i).begin;
        if (!r.have_year) {
            if (!reference_) return no_year(quote_begin, r.end_byte, r.next);
            auto [start, end] = nearest_years(r.start, r.end, *reference_);
            return judge(start, end, quote_begin, intro, r.end_byte, r.next);
        }
        return judge(r.start, r.end, quote_begin, intro, r.end_byte, r.next);
    }

    // The years that put a day-and-month range nearest `reference`: the
    // reference's year, the one before or the one after. A range whose last
    // day comes before its first in the calendar ("28 December to 5
    // January") ends in the year after it starts.
    static std::pair<Date, Date> nearest_years(Date start, Date end, const Date& reference)
    {
        const bool crosses_new_year =
            end.month < start.month || (end.month == start.month && end.day < start.day);
        auto serial = [](const Date& d) { return d.year * 372 + d.month * 31 + d.day; };
        std::pair<Date, Date> best;
        int best_distance = -1;
        for (int year : {reference.year, reference.year - 1, reference.year + 1}) {
            Date s{year, start.month, start.day};
            Date e{crosses_new_year ? year + 1 : year, end.month, end.day};
            int distance = 0;
            if (serial(reference) < serial(s))
                distance = serial(s) - serial(reference);
            else if (serial(reference) > serial(e))
                distance = serial(reference) - serial(e);
            if (best_distance < 0 || distance < best_distance) {
                best = {s, e};
                best_distance = distance;
            }
        }
        return best;
    }

    // "11-12 March 2014", "1er décembre 2015", "9 y 10 de enero de 2018",
    // "30 November - 1 December 2015", "31 December 2015 - 2 January 2016".
    std::optional<Construct> match_day_first(std::size_t i, std::optional<std::size_t> intro)
    {
        const std::optional<DayList> days = read_day_list(i);
        if (!days) return std::nullopt;
        std::size_t q = days->next;
        if (tok(q).has(kDayFiller)) ++q;
        const std::optional<Month> month = read_month(q);
        if (!month) return std::nullopt;
        Reading reading =
            first_part(*days, month->value, read_year(month->next), month->next, month->end_byte);
        if (days->count == 1) {
            // "from Monday, 28 November, to Wednesday, 30 November": a
            // comma before the word that joins the two days.
            std::size_t joiner = reading.next;
            if (tok(joiner).kind == TokenKind::kComma && tok(joiner + 1).has(kRange)) ++joiner;
            if (auto sep = read_joiner(joiner)) {
                if (auto day2 = read_day(*sep)) {
                    std::size_t r = day2->next;
                    if (tok(r).has(kDayFiller)) ++r;
                    if (auto month2 = read_month(r))
                        take_second_part(reading, day2->value, month2->value,
                                         read_year(month2->next), month2->next, month2->end_byte);
                }
            }
        }
        return finish(reading, i, intro);
    }

    // "March 11-12, 2014", "Aug 2 2016", "Sept. 5, 2013",
    // "June 30 - July 1, 2015", "December 31, 2015 - January 2, 2016".
    std::optional<Construct> match_month_first(std::size_t i, std::optional<std::size_t> intro)
    {
        const std::optional<Month> month = read_month(i);
        if (!month) return std::nullopt;
        const std::optional<DayList> days = read_day_list(month->next);
        if (!days) return std::nullopt;
        Reading reading =
            first_part(*days, month->value, read_year(days->next), days->next, days->end_byte);
        if (days->count == 1) {
            if (auto sep = read_joiner(reading.next)) {
                if (auto month2 = read_month(*sep)) {
                    if (auto day2 = read_day(month2->next))
                        take_second_part(reading, day2->value, month2->value, read_year(day2->next),
                                         day2->next, day2->end_byte);
                }
            }
        }
        return finish(reading, i, intro);
    }

    /// Token indexes [first, last_item) of the last enumeration that failed.
    struct FailedList {
        std::size_t first = 0;
        std::size_t last_item = 0;
    };

    std::string_view text_;
    TokenStream tokens_;
    /// The day a document was written, for dates without a year.
    std::optional<Date> reference_;
    FailedList failed_list_;
};

void append_padded(std::string& out, int value, int width)
{
    long long rest = value;  // wide enough to negate INT_MIN
    if (rest < 0) {
        out += '-';
        rest = -rest;
    }
    std::array<char, 24> digits{};
    int count = 0;
    do {
        digits[static_cast<std::size_t>(count++)] = static_cast<char>('0' + rest % 10);
        rest /= 10;
    } while (rest > 0);
    for (int k = count; k < width; ++k) out += '0';
    while (count > 0) out += digits[static_cast<std::size_t>(--count)];
}

}  // namespace

int days_in_month(int year, int month)
{
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && leap) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

Date add_days(Date date, int days)
{
    for (; days > 0; --days) {
        if (++date.day <= days_in_month(date.year, date.month)) continue;
        date.day = 1;
        if (++date.month > 12) {
            date.month = 1;
            ++date.year;
        }
    }
    for (; days < 0; ++days) {
        if (--date.day > 0) continue;
        if (--date.month == 0) {
            date.month = 12;
            --date.year;
        }
        date.day = days_in_month(date.year, date.month);
    }
    return date;
}

std::string Date::iso() const
{
    std::string out;
    append_padded(out, year, 4);
    out += '-';
    append_padded(out, month, 2);
    out += '-';
    append_padded(out, day, 2);
    return out;
}

std::string Date::compact() const
{
    std::string out;
    append_padded(out, year, 4);
    append_padded(out, month, 2);
    append_padded(out, day, 2);
    return out;
}

bool Date::valid() const
{
    // Four-digit years only, so that iso() and compact() keep their width.
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
}

DateSearch find_date_range(std::string_view text)
{
    return find_date_range_near(text, std::nullopt);
}

DateSearch find_date_range_near(std::string_view text, std::optional<Date> reference)
{
    // A reference outside the years dates may have would give none.
    if (reference && (!reference->valid() || !in_year_range(reference->year)))
        reference.reset();
    try {
        return Matcher(text, reference).run();
    } catch (...) {
        // Only memory exhaustion can throw here; a search that could not run
        // has found nothing.
        return {};
    }
}

std::optional<Date> parse_iso_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t k = from; k < from + count; ++k) {
            if (text[k] < '0' || text[k] > '9') return std::nullopt;
            value = value * 10 + (text[k] - '0');
        }
        return value;
    };
    const std::optional<int> year = number(0, 4);
    const std::optional<int> month = number(5, 2);
    const std::optional<int> day = number(8, 2);
    if (!year || !month || !day) return std::nullopt;
    const Date date{*year, *month, *day};
    if (!date.valid()) return std::nullopt;
    return date;
}

}  // namespace infonote
