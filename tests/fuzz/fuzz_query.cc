// libFuzzer target: the query path on arbitrary text, as typed after
// `infonote-query search`.
//
// Checks that building a query either succeeds or fails with QueryError
// (the one-line "exit 2" error), never another exception or a crash, and
// that the query built runs on a small index. The date-span reader gets the
// same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "country_gazetteer.h"
#include "date_filter.h"
#include "document_builder.h"
#include "fuzz_check.h"
#include "query_builder.h"

namespace {

Xapian::Database& small_index()
{
    static Xapian::Database db = [] {
        Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
        infonote::DocumentBuilder builder(infonote::default_gazetteer());
        infonote::Note note;
        note.id = "n1";
        note.source = "n1.txt";
        note.title = "Regional workshop on export controls";
        note.start_date = infonote::Date{2014, 3, 11};
        note.venue.country = "KZ";
        note.states.push_back({"UZ", "Uzbekistan", "States"});
        note.text = "Non-proliferation and nuclear security in Central Asia, Côte d'Ivoire.";
        w.add_document(builder.build(note));
        return Xapian::Database(w);
    }();
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string text(reinterpret_cast<const char*>(data), size);
    infonote::SearchRequest request;
    request.words = text;
    try {
        infonote::BuiltQuery built = infonote::build_query(request, infonote::default_gazetteer());
        Xapian::Enquire enquire(small_index());
        enquire.set_query(built.query);
        Xapian::MSet mset = enquire.get_mset(0, 10);
        INFONOTE_FUZZ_CHECK(mset.size() <= 1);
    } catch (const infonote::QueryError&) {
        // A bad query: reported in one line, exit 2.
    }
    std::string problem;
    std::optional<infonote::DaySpan> span = infonote::parse_day_span(text, problem);
    INFONOTE_FUZZ_CHECK(span.has_value() == problem.empty() || span.has_value());
    if (span && span->from && span->to) INFONOTE_FUZZ_CHECK(*span->from <= *span->to);
    return 0;
}
