#include "date_parser.h"

#include <algorithm>
#include <array>
#include <deque>

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

// Long enough for every keyword ("septiembre"); longer words are kept only
// as "not a keyword".
constexpr std::size_t kMaxFolded = 16;

// An enumeration of days ("1, 8 and 15 December") never needs more items
// than a month has days. The cap also bounds how far one attempt reads.
constexpr int kMaxListDays = 31;

// Digit runs longer than this are never dates, so their value need not be
// exact; stopping here keeps the arithmetic far from overflow.
constexpr int kValueCap = 99'999'999;

struct MonthName {
    std::string_view name;  // folded: lower case, accents removed
    int month;
    bool abbreviation;      // may be followed by a full stop
};

constexpr std::array kMonthNames{
    // English.
    MonthName{"january", 1, false},    MonthName{"february", 2, false},
    MonthName{"march", 3, false},      MonthName{"april", 4, false},
    MonthName{"may", 5, false},        MonthName{"june", 6, false},
    MonthName{"july", 7, false},       MonthName{"august", 8, false},
    MonthName{"september", 9, false},  MonthName{"october", 10, false},
    MonthName{"november", 11, false},  MonthName{"december", 12, false},
    MonthName{"jan", 1, true},         MonthName{"feb", 2, true},
    MonthName{"mar", 3, true},         MonthName{"apr", 4, true},
    MonthName{"jun", 6, true},         MonthName{"jul", 7, true},
    MonthName{"aug", 8, true},         MonthName{"sep", 9, true},
    MonthName{"sept", 9, true},        MonthName{"oct", 10, true},
    MonthName{"nov", 11, true},        MonthName{"dec", 12, true},
    // French.
    MonthName{"janvier", 1, false},    MonthName{"fevrier", 2, false},
    MonthName{"mars", 3, false},       MonthName{"avril", 4, false},
    MonthName{"mai", 5, false},        MonthName{"juin", 6, false},
    MonthName{"juillet", 7, false},    MonthName{"aout", 8, false},
    MonthName{"septembre", 9, false},  MonthName{"octobre", 10, false},
    MonthName{"novembre", 11, false},  MonthName{"decembre", 12, false},
    MonthName{"janv", 1, true},        MonthName{"fev", 2, true},
    MonthName{"fevr", 2, true},        MonthName{"avr", 4, true},
    MonthName{"juil", 7, true},
    // Spanish.
    MonthName{"enero", 1, false},      MonthName{"febrero", 2, false},
    MonthName{"marzo", 3, false},      MonthName{"abril", 4, false},
    MonthName{"mayo", 5, false},       MonthName{"junio", 6, false},
    MonthName{"julio", 7, false},      MonthName{"agosto", 8, false},
    MonthName{"septiembre", 9, false}, MonthName{"setiembre", 9, false},
    MonthName{"octubre", 10, false},   MonthName{"noviembre", 11, false},
    MonthName{"diciembre", 12, false}, MonthName{"ene", 1, true},
    MonthName{"abr", 4, true},         MonthName{"ago", 8, true},
    MonthName{"dic", 12, true},
};

// "11th", "2nd", French "1er" (also "1ᵉʳ"), Spanish "1º".
constexpr std::array<std::string_view, 6> kOrdinalSuffixes{"st", "nd", "rd", "th", "er", "o"};
// Words that open a date phrase and belong to it: "from 15 to 17 October",
// "du 8 au 11 mars", "del 9 al 10 de enero", "les 5 et 6 juin", "on 5 May".
constexpr std::array<std::string_view, 10> kIntroWords{
    "from", "between", "on", "du", "le", "les", "del", "el", "entre", "desde"};
// Words joining the first and last day of a range.
constexpr std::array<std::string_view, 9> kRangeWords{
    "to", "till", "until", "through", "thru", "au", "al", "a", "hasta"};
// Words joining days of an enumeration; the last day ends the event.
constexpr std::array<std::string_view, 3> kConjunctions{"and", "et", "y"};
// "11th of March", "9 de enero".
constexpr std::array<std::string_view, 2> kDayFillers{"of", "de"};
// "enero de 2018", "septiembre del 2019".
constexpr std::array<std::string_view, 2> kYearFillers{"de", "del"};

enum class TokenKind : unsigned char { kEnd, kNumber, kWord, kDash, kSlash, kDot, kComma, kOther };

struct Token {
    TokenKind kind = TokenKind::kEnd;
    std::size_t begin = 0;  // byte offsets into the text: [begin, end)
    std::size_t end = 0;
    std::size_t digits = 0;  // kNumber: how many digits
    int value = 0;           // kNumber: the value, capped at kValueCap
    char symbol = 0;         // punctuation: its first byte
    std::array<char, kMaxFolded> folded{};  // kWord: folded spelling
    std::size_t folded_size = 0;
    bool too_long = false;   // kWord: longer than any keyword

    std::string_view word() const
    {
        if (kind != TokenKind::kWord || too_long) return {};
        return {folded.data(), folded_size};
    }
};

bool adjacent(const Token& left, const Token& right)
{
    return left.kind != TokenKind::kEnd && right.kind != TokenKind::kEnd &&
           left.end == right.begin;
}

template <std::size_t N>
bool is_one_of(const Token& token, const std::array<std::string_view, N>& words)
{
    std::string_view word = token.word();
    if (word.empty()) return false;
    return std::find(words.begin(), words.end(), word) != words.end();
}

const MonthName* find_month(const Token& token)
{
    std::string_view word = token.word();
    if (word.size() < 3) return nullptr;
    for (const MonthName& entry : kMonthNames)
        if (entry.name == word) return &entry;
    return nullptr;
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
        if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::kSpace;
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
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
        c == 0xFF0D)
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
            "aaaaaa\x7f" "ceeeeiiii\x7fnooooo\x7fouuuuy\x7f\x7f"
            "aaaaaa\x7f" "ceeeeiiii\x7fnooooo\x7fouuuuy\x7fy";
        return kLatin1[c - 0xC0];
    }
    if (c == 0xAA) return 'a';
    if (c == 0xBA) return 'o';
    if (c == 0x1D49) return 'e';  // superscript e, as in "1ᵉʳ"
    if (c == 0x02B3) return 'r';  // superscript r
    if (c >= 0x0300 && c <= 0x036F) return '\0';  // combining accents
    return kNoKeyword;
}

// ---------------------------------------------------------------------------
// Tokens.

/// Makes tokens on demand and keeps only a short window of them.
class TokenStream {
public:
    explicit TokenStream(std::string_view text) : text_(text)
    {
        end_token_.begin = end_token_.end = text.size();
    }

    /// The token with this index, or an end token past the text's end (or
    /// before the window). References stay valid until forget_before().
    const Token& at(std::size_t index)
    {
        while (!finished_ && index >= first_ + window_.size()) pull();
        if (index < first_ || index >= first_ + window_.size()) return end_token_;
        return window_[index - first_];
    }

    void forget_before(std::size_t index)
    {
        while (first_ < index && !window_.empty()) {
            window_.pop_front();
            ++first_;
        }
    }

private:
    void pull()
    {
        while (pos_ < text_.size() && classify(decode(text_, pos_)) == CharClass::kSpace)
            pos_ += decode(text_, pos_).size;
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
                if (token.value <= kValueCap) token.value = token.value * 10 + (text_[pos_] - '0');
                ++token.digits;
                ++pos_;
            }
            break;
        case CharClass::kLetter:
            token.kind = TokenKind::kWord;
            while (pos_ < text_.size()) {
                const CodePoint cp = decode(text_, pos_);
                if (classify(cp) != CharClass::kLetter) break;
                const char folded = fold_letter(cp.value);
                if (folded != '\0') {
                    if (token.folded_size < kMaxFolded)
                        token.folded[token.folded_size++] = folded;
                    else
                        token.too_long = true;
                }
                pos_ += cp.size;
            }
            break;
        case CharClass::kDash:
            token.kind = TokenKind::kDash;
            break;
        case CharClass::kSlash:
            token.kind = TokenKind::kSlash;
            break;
        case CharClass::kDot:
            token.kind = TokenKind::kDot;
            break;
        case CharClass::kComma:
            token.kind = TokenKind::kComma;
            break;
        case CharClass::kSpace:
        case CharClass::kOther:
            token.kind = TokenKind::kOther;
            break;
        }
        if (token.kind != TokenKind::kNumber && token.kind != TokenKind::kWord) {
            token.symbol = text_[pos_];
            pos_ += first.size;
        }
        token.end = pos_;
        window_.push_back(token);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    bool finished_ = false;
    // Token number first_ + k is window_[k]. A deque keeps references to
    // its elements valid while more are pushed at the back.
    std::deque<Token> window_;
    std::size_t first_ = 0;
    Token end_token_;
};

// ---------------------------------------------------------------------------
// Matching.

bool in_year_range(int year) { return year >= kMinYear && year <= kMaxYear; }

enum class Outcome { kDate, kNoYear, kInvalid, kBackwards };

/// One date-like stretch of text and what it turned out to be.
struct Construct {
    Outcome outcome = Outcome::kDate;
    Date start;
    Date end;
    std::size_t begin = 0;        // the span returned for a date
    std::size_t quote_begin = 0;  // the text quoted in a problem
    std::size_t end_byte = 0;
    std::size_t next = 0;         // the token to carry on searching from
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
    explicit Matcher(std::string_view text) : text_(text), tokens_(text) {}

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
    const Token& tok(std::size_t index) { return tokens_.at(index); }

    std::string describe(const Construct& c) const
    {
        const std::string quote(text_.substr(c.quote_begin, c.end_byte - c.quote_begin));
        switch (c.outcome) {
        case Outcome::kNoYear:
            return "date '" + quote + "' has no year";
        case Outcome::kInvalid:
            return "'" + quote + "' is not a valid date";
        case Outcome::kBackwards:
            return "date range '" + quote + "' ends before it starts";
        case Outcome::kDate:
            break;
        }
        return {};
    }

    std::optional<Construct> match_at(std::size_t i)
    {
        const Token& token = tok(i);
        if (is_one_of(token, kIntroWords)) return match_from(i + 1, token.begin);
        return match_from(i, std::nullopt);
    }

    std::optional<Construct> match_from(std::size_t i, std::optional<std::size_t> intro)
    {
        if (!starts_cleanly(i)) return std::nullopt;
        const Token& token = tok(i);
        if (token.kind == TokenKind::kNumber) {
            if (auto c = match_numeric(i, intro, NumericForm::kIso)) return c;
            if (auto c = match_numeric(i, intro, NumericForm::kDayMonthYear)) return c;
            return match_day_first(i, intro);
        }
        if (token.kind == TokenKind::kWord) return match_month_first(i, intro);
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
        if (adjacent(token, suffix) && is_one_of(suffix, kOrdinalSuffixes)) {
            day.next = p + 2;
            day.end_byte = suffix.end;
        }
        return day;
    }

    std::optional<Month> read_month(std::size_t p)
    {
        const Token& token = tok(p);
        const MonthName* entry = find_month(token);
        if (!entry) return std::nullopt;
        Month month{entry->month, p + 1, token.end};
        const Token& dot = tok(p + 1);
        if (entry->abbreviation && dot.kind == TokenKind::kDot && adjacent(token, dot))
            month.next = p + 2;
        return month;
    }

    // A four-digit number, after an optional comma or "de": "March, 2014",
    // "Nov 28, 2022", "enero de 2018".
    Year read_year(std::size_t p)
    {
        std::size_t q = p;
        if (tok(q).kind == TokenKind::kComma || is_one_of(tok(q), kYearFillers)) ++q;
        const Token& token = tok(q);
        if (token.kind != TokenKind::kNumber || token.digits != 4) return {};
        const Token& after = tok(q + 1);
        // "2014th" or "2014a" is something else.
        if (adjacent(token, after) && after.kind == TokenKind::kWord) return {};
        return {true, token.value, q + 1, token.end};
    }

    /// "-", "–", "to", "au", "al", ...: the index after it.
    std::optional<std::size_t> read_range_separator(std::size_t p)
    {
        const Token& token = tok(p);
        if (token.kind == TokenKind::kDash) {
            const Token& second = tok(p + 1);  // "--"
            if (second.kind == TokenKind::kDash && adjacent(token, second)) return p + 2;
            return p + 1;
        }
        if (is_one_of(token, kRangeWords)) return p + 1;
        return std::nullopt;
    }

    /// "and", "et", "y", "&": the index after it.
    std::optional<std::size_t> read_conjunction(std::size_t p)
    {
        const Token& token = tok(p);
        if (is_one_of(token, kConjunctions)) return p + 1;
        if (token.kind == TokenKind::kOther && token.symbol == '&') return p + 1;
        return std::nullopt;
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
        DayList list = single;
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
        }
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
        const Token& t2 = tok(p + 2);
        const Token& t3 = tok(p + 3);
        const Token& t4 = tok(p + 4);
        if (t0.kind != TokenKind::kNumber || t2.kind != TokenKind::kNumber ||
            t4.kind != TokenKind::kNumber)
            return std::nullopt;
        if (!adjacent(t0, t1) || !adjacent(t1, t2) || !adjacent(t2, t3) || !adjacent(t3, t4))
            return std::nullopt;
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

    // "11-12 March 2014", "1er décembre 2015", "9 y 10 de enero de 2018",
    // "30 November - 1 December 2015", "31 December 2015 - 2 January 2016".
    std::optional<Construct> match_day_first(std::size_t i, std::optional<std::size_t> intro)
    {
        const std::optional<DayList> days = read_day_list(i);
        if (!days) return std::nullopt;
        std::size_t q = days->next;
        if (is_one_of(tok(q), kDayFillers)) ++q;
        const std::optional<Month> month = read_month(q);
        if (!month) return std::nullopt;
        const Year year = read_year(month->next);

        Date start{year.value, month->value, days->first};
        Date end{year.value, month->value, days->last};
        std::size_t next = year.found ? year.next : month->next;
        std::size_t end_byte = year.found ? year.end_byte : month->end_byte;
        bool have_year = year.found;

        // A second day and month after a single day: "30 November - 1 December
        // 2015". The first part borrows the second's year; a second part
        // without a year after a complete first date is left alone.
        if (days->count == 1) {
            if (auto sep = read_joiner(next)) {
                if (auto day2 = read_day(*sep)) {
                    std::size_t r = day2->next;
                    if (is_one_of(tok(r), kDayFillers)) ++r;
                    if (auto month2 = read_month(r)) {
                        const Year year2 = read_year(month2->next);
                        if (year2.found || !year.found) {
                            if (!year.found) start.year = year2.value;
                            end = {year2.found ? year2.value : 0, month2->value, day2->value};
                                        have_year = year2.found;
                            next = year2.found ? year2.next : month2->next;
                            end_byte = year2.found ? year2.end_byte : month2->end_byte;
                        }
                    }
                }
            }
        }
        const std::size_t quote_begin = tok(i).begin;
        if (!have_year) return no_year(quote_begin, end_byte, next);
        return judge(start, end, quote_begin, intro, end_byte, next);
    }

    // "March 11-12, 2014", "Aug 2 2016", "Sept. 5, 2013",
    // "June 30 - July 1, 2015", "December 31, 2015 - January 2, 2016".
    std::optional<Construct> match_month_first(std::size_t i, std::optional<std::size_t> intro)
    {
        const std::optional<Month> month = read_month(i);
        if (!month) return std::nullopt;
        const std::optional<DayList> days = read_day_list(month->next);
        if (!days) return std::nullopt;
        const Year year = read_year(days->next);

        Date start{year.value, month->value, days->first};
        Date end{year.value, month->value, days->last};
        std::size_t next = year.found ? year.next : days->next;
        std::size_t end_byte = year.found ? year.end_byte : days->end_byte;
        bool have_year = year.found;

        if (days->count == 1) {
            if (auto sep = read_joiner(next)) {
                if (auto month2 = read_month(*sep)) {
                    if (auto day2 = read_day(month2->next)) {
                        const Year year2 = read_year(day2->next);
                        if (year2.found || !year.found) {
                            if (!year.found) start.year = year2.value;
                            end = {year2.found ? year2.value : 0, month2->value, day2->value};
                                        have_year = year2.found;
                            next = year2.found ? year2.next : day2->next;
                            end_byte = year2.found ? year2.end_byte : day2->end_byte;
                        }
                    }
                }
            }
        }
        const std::size_t quote_begin = tok(i).begin;
        if (!have_year) return no_year(quote_begin, end_byte, next);
        return judge(start, end, quote_begin, intro, end_byte, next);
    }

    std::string_view text_;
    TokenStream tokens_;
};

int days_in_month(int year, int month)
{
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && leap) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

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
    try {
        return Matcher(text).run();
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
